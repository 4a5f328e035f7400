// A lean parsed page (htmlparser2's tree): about four times cheaper to build than a full DOM, and
// enough for metadata, dates and main-content detection. The few operations extraction needs.
import { compile, selectAll, selectOne } from 'css-select';
import { cloneNode, type AnyNode, type Document, type Element, type ParentNode } from 'domhandler';
import { removeElement, replaceElement, textContent } from 'domutils';
import { parseWithBoundedDepth } from './depth-bounded-parse.js';

export type { AnyNode, Document, Element };

/** The page's tree, nested at most MAX_ELEMENT_DEPTH elements deep (deeper tags are dropped, their text kept). */
export function parsePage(html: string): Document {
  return parseWithBoundedDepth(html, { decodeEntities: true });
}

/** A deep copy of a parsed page, to change without changing the page. */
export function copyOf(page: Document): Document {
  return cloneNode(page, true);
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

/**
 * Texts of short elements, with runs of white space as one space and trimmed (`textOf(el)` so
 * normalised), or null for an element whose text is longer than `maxChars`. Worked out bottom-up and
 * remembered, so that asking of nested elements reads each text once: asking each element of a
 * deep nest for its whole text is quadratic.
 */
export class ShortTexts {
  /** Each node's text with white space collapsed but not trimmed; null when over the limit. */
  private readonly collapsed = new Map<AnyNode, string | null>();
  /** Untrimmed, a text over the limit may be two spaces longer. */
  private readonly cap: number;

  constructor(private readonly maxChars: number) {
    this.cap = maxChars + 2;
  }

  of(node: AnyNode): string | null {
    const text = this.collapsedText(node);
    return text === null ? null : text.trim().length <= this.maxChars ? text.trim() : null;
  }

  private collapsedText(node: AnyNode): string | null {
    const known = this.collapsed.get(node);
    if (known !== undefined) return known;
    let text: string | null;
    if (node.type === 'text') text = collapseSpace(node.data);
    else if ('children' in node) {
      text = '';
      for (const child of node.children) {
        const part = this.collapsedText(child);
        if (part === null) {
          text = null;
          break;
        }
        text = collapseSpace(text + part);
        if (text.length > this.cap) break;
      }
    } else text = '';
    if (text !== null && text.length > this.cap) text = null;
    this.collapsed.set(node, text);
    return text;
  }
}

function collapseSpace(s: string): string {
  return s.replace(/\s+/g, ' ');
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

/**
 * Removes nodes from the tree, as domutils' removeElement on each would, with each parent's children rebuilt once:
 * removing one child scans and shifts its siblings, so removing thousands of siblings one by one is quadratic.
 */
export function removeAll(nodes: Iterable<AnyNode>): void {
  const byParent = new Map<ParentNode, Set<AnyNode>>();
  for (const node of nodes) {
    const parent = node.parent;
    if (!parent) removeElement(node);
    else if (byParent.has(parent)) byParent.get(parent)!.add(node);
    else byParent.set(parent, new Set([node]));
  }
  for (const [parent, doomed] of byParent) {
    const children = parent.children;
    let kept = 0;
    for (const child of children) {
      if (doomed.has(child)) continue;
      child.prev = kept > 0 ? children[kept - 1]! : null;
      if (kept > 0) children[kept - 1]!.next = child;
      children[kept++] = child;
    }
    if (kept > 0) children[kept - 1]!.next = null;
    children.length = kept;
    for (const node of doomed) {
      node.parent = null;
      node.prev = null;
      node.next = null;
    }
  }
}

/** Puts `replacement` where `node` stands (moving it from its own place); `at`, when given, is where `node` stands among its siblings. */
export function replace(node: AnyNode, replacement: AnyNode, at?: number): void {
  const siblings = node.parent?.children;
  if (at === undefined || !siblings || siblings[at] !== node) {
    replaceElement(node, replacement);
    return;
  }
  // replaceElement, without looking for the node among its siblings.
  replacement.prev = node.prev;
  if (replacement.prev) replacement.prev.next = replacement;
  replacement.next = node.next;
  if (replacement.next) replacement.next.prev = replacement;
  replacement.parent = node.parent;
  siblings[at] = replacement;
  node.parent = null;
}

export function childElements(el: Element | Document): Element[] {
  return el.children.filter(isElement);
}

export function bodyOf(document: Document): Element | null {
  return queryOne('body', document) ?? queryOne('html', document);
}

/** The element holding `node`, or null at the top of the tree. */
export function parentElement(node: AnyNode): Element | null {
  const parent = node.parent as AnyNode | null;
  return parent && isElement(parent) ? parent : null;
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
