// A lean parsed page (htmlparser2's tree): about four times cheaper to build than a full DOM, and
// enough for metadata, dates and main-content detection. The few operations extraction needs.
import { compile, selectAll, selectOne } from 'css-select';
import { parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import { removeElement, replaceElement, textContent } from 'domutils';

export type { AnyNode, Document, Element };

export function parsePage(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

/** Element nodes, including <script> and <style> (which htmlparser2 types apart). */
export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function tagOf(el: Element): string {
  return el.name.toLowerCase();
}

export function attr(el: Element, name: string): string | null {
  return el.attribs[name] ?? null;
}

export function textOf(node: AnyNode): string {
  return textContent(node);
}

/** Selectors are compiled once: compiling costs more than matching on a typical page. */
const compiled = new Map<string, ReturnType<typeof compile>>();

function compiledSelector(selector: string): ReturnType<typeof compile> {
  let query = compiled.get(selector);
  if (!query) {
    query = compile(selector);
    compiled.set(selector, query);
  }
  return query;
}

export function queryAll(selector: string, root: AnyNode): Element[] {
  return selectAll(compiledSelector(selector), root as never) as unknown as Element[];
}

export function queryOne(selector: string, root: AnyNode): Element | null {
  return (selectOne(compiledSelector(selector), root as never) as unknown as Element | null) ?? null;
}

export function remove(node: AnyNode): void {
  removeElement(node);
}

/** Puts `replacement` where `node` stands (moving it from its own place). */
export function replace(node: AnyNode, replacement: AnyNode): void {
  replaceElement(node, replacement);
}

export function childElements(el: Element | Document): Element[] {
  return el.children.filter(isElement);
}

export function bodyOf(document: Document): Element | null {
  return queryOne('body', document) ?? queryOne('html', document);
}

/** Does `outer` contain `inner` (or is it `inner`)? */
export function contains(outer: AnyNode, inner: AnyNode): boolean {
  for (let node: AnyNode | null = inner; node; node = node.parent) if (node === outer) return true;
  return false;
}

/**
 * The page's elements in document order and by tag name, gathered in one walk: the metadata and
 * date readers look up a handful of tags, and one walk costs less than a selector query for each.
 * Built before main-content detection prunes the tree.
 */
export class PageIndex {
  readonly all: Element[];
  private readonly tags = new Map<string, Element[]>();

  constructor(document: Document) {
    this.all = allElements(document);
    for (const el of this.all) {
      const tag = tagOf(el);
      const list = this.tags.get(tag);
      if (list) list.push(el);
      else this.tags.set(tag, [el]);
    }
  }

  byTag(tag: string): readonly Element[] {
    return this.tags.get(tag) ?? [];
  }

  first(tag: string): Element | null {
    return this.tags.get(tag)?.[0] ?? null;
  }

  /** Elements whose attribute has exactly this value (`itemprop="datePublished"`). */
  withAttribute(name: string, value: string): Element[] {
    return this.all.filter((el) => el.attribs[name] === value);
  }
}

/** Every element below `root`, in document order. */
export function allElements(root: AnyNode): Element[] {
  const out: Element[] = [];
  const walk = (node: AnyNode) => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (isElement(child)) {
        out.push(child);
        walk(child);
      }
    }
  };
  walk(root);
  return out;
}
