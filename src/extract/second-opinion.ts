// A second opinion on the main content, for pages the one-pass detector is unsure of: Mozilla
// Readability's algorithm (score paragraphs into their ancestors, pick the top candidate, widen to
// its siblings, clean conditionally, retry with fewer filters when too little is found), run on the
// lean tree rather than a full DOM, which costs a fraction of running Readability itself.
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';
import { attr, bodyOf, copyOf, isElement, parsePage, queryAll, removeAll, replace, tagOf, textOf, type AnyNode, type Document, type Element } from './dom.js';
import { htmlToText } from './html-text.js';

const VocabularySchema = z.object({
  version: z.number(),
  unlikely: z.array(z.string()),
  maybeCandidate: z.array(z.string()),
  positive: z.array(z.string()),
  negative: z.array(z.string()),
  roles: z.array(z.string()),
  tagScores: z.record(z.number()),
});

interface Vocabulary {
  unlikely: RegExp;
  maybeCandidate: RegExp;
  positive: RegExp;
  negative: RegExp;
  roles: Set<string>;
  tagScores: Map<string, number>;
}

interface Flags {
  stripUnlikely: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

/** Readability's retries: each drops one more filter when the text found is too short. */
const PASSES: Flags[] = [
  { stripUnlikely: true, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: true, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: true },
  { stripUnlikely: false, weightClasses: false, cleanConditionally: false },
];
const CHAR_THRESHOLD = 200;
const MIN_PARAGRAPH_CHARS = 25;
const ANCESTOR_LEVELS = 5;
const TOP_CANDIDATES = 5;
const ALTERNATIVE_SHARE = 0.75;
const MIN_ALTERNATIVES = 3;
const CLASS_WEIGHT = 25;
const SCORED_TAGS = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const PHRASING_TAGS = new Set([
  'abbr', 'audio', 'b', 'bdo', 'br', 'button', 'cite', 'code', 'data', 'datalist', 'dfn', 'em', 'embed', 'i', 'img', 'input', 'kbd', 'label',
  'mark', 'math', 'meter', 'noscript', 'object', 'output', 'progress', 'q', 'ruby', 'samp', 'script', 'select', 'small', 'span', 'strong',
  'sub', 'sup', 'textarea', 'time', 'var', 'wbr', 'font', 'u', 's', 'strike', 'big', 'tt',
]);
const LINKISH_TAGS = new Set(['a', 'del', 'ins']);
const EMPTIABLE_TAGS = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const MEDIA_TAGS = new Set(['img', 'picture', 'video', 'audio', 'object', 'embed']);
const DROPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'button', 'select', 'textarea', 'link', 'aside', 'footer', 'dialog', 'head', 'title']);
const CONDITIONAL_TAGS = ['form', 'fieldset', 'table', 'ul', 'div'];
const CAPTION_SELECTOR = 'figcaption, [class*="caption" i], [class*="credit" i]';
const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C]/g;

let vocabulary: Vocabulary | null = null;

function getVocabulary(): Vocabulary {
  if (vocabulary) return vocabulary;
  const data = loadDataFile('boilerplate/readability-vocabulary.json', VocabularySchema);
  const anyOf = (words: string[]) => new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'i');
  vocabulary = {
    unlikely: anyOf(data.unlikely),
    maybeCandidate: anyOf(data.maybeCandidate),
    positive: anyOf(data.positive),
    negative: anyOf(data.negative),
    roles: new Set(data.roles),
    tagScores: new Map(Object.entries(data.tagScores)),
  };
  return vocabulary;
}

/** The main text as Readability would choose it; '' when nothing qualifies. */
export function secondOpinion(html: string): string {
  // Each pass changes the tree it reads: it reads a copy of one parse (copying costs a fraction of parsing).
  const page = parsePage(html);
  let longest = '';
  for (const flags of PASSES) {
    const text = grabArticle(copyOf(page), flags);
    if (text.length >= CHAR_THRESHOLD) return text;
    if (text.length > longest.length) longest = text;
  }
  return longest;
}

interface Measure {
  /** Characters of text, runs of white space counted as one. */
  text: number;
  /** Characters of link text; in-page links (#...) count 0.3, as in Readability. */
  links: number;
  commas: number;
  media: boolean;
  /** Counts of the elements below that clean-conditionally weighs, and the text inside lists. */
  p: number;
  img: number;
  li: number;
  input: number;
  listText: number;
}

/** Text, link-text and comma counts of every element, from one bottom-up walk. */
class Measures {
  private readonly stats = new Map<Element, Measure>();

  constructor(root: Element) {
    this.visit(root);
  }

  get(el: Element): Measure {
    return this.stats.get(el) ?? emptyMeasure();
  }

  text(el: Element): number {
    return this.get(el).text;
  }

  linkDensity(el: Element): number {
    const s = this.get(el);
    return s.text ? Math.min(1, s.links / s.text) : 0;
  }

  private visit(el: Element): Measure {
    const own = emptyMeasure();
    own.media = MEDIA_TAGS.has(tagOf(el));
    for (const child of el.children) {
      if (child.type === 'text') {
        own.text += collapsedLength(child.data);
        own.commas += countCommas(child.data);
      } else if (isElement(child)) {
        const c = this.visit(child);
        own.text += c.text;
        own.links += c.links;
        own.commas += c.commas;
        own.media ||= c.media;
        const tag = tagOf(child);
        own.p += c.p + (tag === 'p' ? 1 : 0);
        own.img += c.img + (tag === 'img' ? 1 : 0);
        own.li += c.li + (tag === 'li' ? 1 : 0);
        own.input += c.input + (tag === 'input' ? 1 : 0);
        own.listText += tag === 'ul' || tag === 'ol' ? c.text : c.listText;
      }
    }
    if (tagOf(el) === 'a') own.links = own.text * ((attr(el, 'href') ?? '').startsWith('#') ? 0.3 : 1);
    this.stats.set(el, own);
    return own;
  }
}

function emptyMeasure(): Measure {
  return { text: 0, links: 0, commas: 0, media: false, p: 0, img: 0, li: 0, input: 0, listText: 0 };
}

/** Length with leading and trailing white space dropped and inner runs counted as one character. */
function collapsedLength(s: string): number {
  let n = 0;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160) space = n > 0;
    else {
      n += space ? 2 : 1;
      space = false;
    }
  }
  return n;
}

function countCommas(s: string): number {
  COMMAS.lastIndex = 0;
  let n = 0;
  while (COMMAS.exec(s)) n++;
  return n;
}

function grabArticle(page: Document, flags: Flags): string {
  const body = bodyOf(page);
  if (!body) return '';
  const vocab = getVocabulary();
  // Measured before and after preparing: the page as found decides what to drop, the rest is scored.
  prepare(body, flags, vocab, new Measures(body));
  const measures = new Measures(body);
  const scores = new Map<Element, number>();
  const classWeight = (el: Element) => (flags.weightClasses ? weightOf(el, vocab) : 0);
  const initialise = (el: Element) => {
    if (!scores.has(el)) scores.set(el, (vocab.tagScores.get(tagOf(el)) ?? 0) + classWeight(el));
  };

  // Each paragraph credits five generations of ancestors: fully, by half, then by a third per level.
  const credit = (from: Element, chars: number, commas: number) => {
    // One for the paragraph, one per comma-separated part, one per 100 characters up to three.
    const score = 2 + commas + Math.min(Math.floor(chars / 100), 3);
    let ancestor: Element | null = from;
    for (let level = 0; ancestor && ancestor !== body.parent && level < ANCESTOR_LEVELS; level++, ancestor = parentOf(ancestor)) {
      initialise(ancestor);
      scores.set(ancestor, scores.get(ancestor)! + score / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
    }
  };
  for (const el of paragraphs(body, measures)) {
    const parent = parentOf(el.node);
    if (el.kind === 'inline') credit(el.node, el.chars, el.commas);
    else if (parent) credit(parent, el.chars, el.commas);
  }
  for (const [el, score] of scores) scores.set(el, score * (1 - measures.linkDensity(el)));

  const top = chooseTop(body, scores, initialise);
  const parts = withSiblings(top, body, scores, measures);
  const texts = parts.map((part) => {
    if (flags.cleanConditionally) cleanConditionally(part, flags, vocab);
    removeAll(queryAll(CAPTION_SELECTOR, part));
    return htmlToText(part);
  });
  return texts.filter(Boolean).join('\n\n');
}

/**
 * Drops what never holds the article (non-content tags, hidden elements, unlikely containers, empty
 * wrappers) and turns divs that are paragraphs in practice into <p>, as Readability does.
 */
function prepare(body: Element, flags: Flags, vocab: Vocabulary, found: Measures): void {
  // An element's dropped children are removed together, once its children are walked.
  const walk = (el: Element, inTable: boolean) => {
    const doomed: AnyNode[] = [];
    const children = [...el.children];
    for (const [at, child] of children.entries()) {
      if (child.type === 'comment' || child.type === 'directive') doomed.push(child);
      if (!isElement(child)) continue;
      const tag = tagOf(child);
      if (child.type !== 'tag' || DROPPED_TAGS.has(tag) || isHidden(child) || vocab.roles.has(attr(child, 'role') ?? '')) {
        doomed.push(child);
        continue;
      }
      const label = `${attr(child, 'class') ?? ''} ${attr(child, 'id') ?? ''}`;
      if (flags.stripUnlikely && !inTable && tag !== 'a' && vocab.unlikely.test(label) && !vocab.maybeCandidate.test(label)) {
        doomed.push(child);
        continue;
      }
      if (EMPTIABLE_TAGS.has(tag) && found.text(child) === 0 && !found.get(child).media) {
        doomed.push(child);
        continue;
      }
      // Top-down, as Readability walks: a div is judged on its children as they stand.
      walk(tag === 'div' ? asParagraph(child, at, found) : child, inTable || tag === 'table' || tag === 'code');
    }
    removeAll(doomed);
  };
  walk(body, false);
}

/** A div wrapping one paragraph, or only phrasing content, with few links: it is that paragraph. `at`: its place among its siblings. */
function asParagraph(div: Element, at: number, found: Measures): Element {
  if (found.linkDensity(div) >= 0.25) return div;
  const elements = div.children.filter(isElement);
  const text = div.children.some((c) => c.type === 'text' && c.data.trim() !== '');
  if (!text && elements.length === 1 && tagOf(elements[0]!) === 'p') {
    replace(div, elements[0]!, at);
    return elements[0]!;
  }
  if ((text || elements.length > 0) && div.children.every(isPhrasing)) div.name = 'p';
  return div;
}

function isPhrasing(node: AnyNode): boolean {
  if (node.type === 'text') return true;
  if (!isElement(node)) return node.type === 'comment';
  const tag = tagOf(node);
  return PHRASING_TAGS.has(tag) || (LINKISH_TAGS.has(tag) && node.children.every(isPhrasing));
}

function isHidden(el: Element): boolean {
  if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  return style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

interface Paragraph {
  node: Element;
  /** 'leaf': the element is a paragraph; 'inline': text written straight into a container. */
  kind: 'leaf' | 'inline';
  chars: number;
  commas: number;
}

/** Readability's elements to score: p, td, pre, section, headings, and runs of text between a div's blocks. */
function paragraphs(body: Element, measures: Measures): Paragraph[] {
  const out: Paragraph[] = [];
  const add = (node: Element, kind: Paragraph['kind'], chars: number, commas: number) => {
    if (chars >= MIN_PARAGRAPH_CHARS) out.push({ node, kind, chars, commas });
  };
  const walk = (el: Element) => {
    const tag = tagOf(el);
    if (SCORED_TAGS.has(tag)) add(el, 'leaf', measures.text(el), measures.get(el).commas);
    else if (tag === 'div') {
      // Readability wraps each run of phrasing content in a div into a paragraph of its own.
      let chars = 0;
      let commas = 0;
      for (const child of [...el.children, null]) {
        if (child && isPhrasing(child)) {
          const m = child.type === 'text' ? { text: collapsedLength(child.data), commas: countCommas(child.data) } : isElement(child) ? measures.get(child) : null;
          if (m) {
            chars += m.text + (chars && m.text ? 1 : 0);
            commas += m.commas;
          }
        } else {
          add(el, 'inline', chars, commas);
          chars = 0;
          commas = 0;
        }
      }
    }
    for (const child of el.children) if (isElement(child)) walk(child);
  };
  walk(body);
  return out;
}

function chooseTop(body: Element, scores: Map<Element, number>, initialise: (el: Element) => void): Element {
  const ranked = [...scores].filter(([el]) => el !== body).sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  if (ranked.length === 0) return body;
  let [top, topScore] = ranked[0]!;
  // Several strong candidates under one ancestor: the article is that ancestor, split in parts.
  const alternatives = ranked.slice(1).filter(([, s]) => s / topScore >= ALTERNATIVE_SHARE).map(([el]) => ancestorsOf(el));
  if (alternatives.length >= MIN_ALTERNATIVES) {
    for (let parent = parentOf(top); parent && parent !== body; parent = parentOf(parent)) {
      if (alternatives.filter((list) => list.includes(parent!)).length >= MIN_ALTERNATIVES) {
        top = parent;
        break;
      }
    }
  }
  initialise(top);
  topScore = scores.get(top)!;
  // Climb to a parent that scores better, through parents that keep a third of the top score.
  let lastScore = topScore;
  for (let parent = parentOf(top); parent && parent !== body; parent = parentOf(parent)) {
    const parentScore = scores.get(parent);
    if (parentScore === undefined) continue;
    if (parentScore < topScore / 3) break;
    if (parentScore > lastScore) {
      top = parent;
      break;
    }
    lastScore = parentScore;
  }
  for (let parent = parentOf(top); parent && parent !== body && parent.children.filter(isElement).length === 1; parent = parentOf(parent)) top = parent;
  initialise(top);
  return top;
}

/** The top candidate and the siblings that score near it or read as prose paragraphs. */
function withSiblings(top: Element, body: Element, scores: Map<Element, number>, measures: Measures): Element[] {
  const parent = parentOf(top);
  if (top === body || !parent) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = attr(top, 'class') ?? '';
  const parts: Element[] = [];
  for (const sibling of parent.children) {
    if (!isElement(sibling)) continue;
    if (sibling === top) {
      parts.push(sibling);
      continue;
    }
    const bonus = topClass && attr(sibling, 'class') === topClass ? topScore * 0.2 : 0;
    const score = scores.get(sibling);
    if (score !== undefined && score + bonus >= threshold) {
      parts.push(sibling);
      continue;
    }
    if (tagOf(sibling) !== 'p') continue;
    const density = measures.linkDensity(sibling);
    const chars = measures.text(sibling);
    if ((chars > 80 && density < 0.25) || (chars > 0 && chars <= 80 && density === 0 && /\.( |$)/.test(textOf(sibling).trim()))) parts.push(sibling);
  }
  return parts;
}

/** Removes containers in the chosen content that look like furniture: Readability's "clean conditionally". */
function cleanConditionally(root: Element, flags: Flags, vocab: Vocabulary): void {
  for (const tag of CONDITIONAL_TAGS) {
    // Deepest first, so a container is judged after what it holds has been cleaned.
    const candidates = queryAll(tag, root).reverse();
    if (candidates.length === 0) continue;
    const measures = new Measures(root);
    // Removed as judged (what is judged later sees the tree without them), and detached together
    // after the pass: detached one by one, each would be looked for among its siblings.
    const removed = new Set<Element>();
    const dataTable = (el: Element) => isDataTable(el, removed);
    for (const el of candidates) {
      if (!el.parent || dataTable(el) || hasAncestor(el, root, (a) => tagOf(a) === 'code' || (tagOf(a) === 'table' && dataTable(a)))) continue;
      if (shouldRemove(el, tag, flags, vocab, measures)) removed.add(el);
    }
    removeAll(removed);
  }
}

function shouldRemove(el: Element, tag: string, flags: Flags, vocab: Vocabulary, measures: Measures): boolean {
  const weight = flags.weightClasses ? weightOf(el, vocab) : 0;
  if (weight < 0) return true;
  const { commas, p, img, input, listText, text: length } = measures.get(el);
  if (commas >= 10) return false;
  const li = measures.get(el).li - 100;
  const isList = tag === 'ul' || tag === 'ol' || (length > 0 && listText / length > 0.9);
  const density = measures.linkDensity(el);
  const inFigure = hasAncestor(el, null, (a) => tagOf(a) === 'figure');
  return (
    (!inFigure && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && length < MIN_PARAGRAPH_CHARS && (img === 0 || img > 2) && density > 0) ||
    (!isList && weight < CLASS_WEIGHT && density > 0.2) ||
    (weight >= CLASS_WEIGHT && density > 0.5)
  );
}

const TABLE_HEADER_TAGS = new Set(['caption', 'th', 'thead', 'tfoot', 'colgroup', 'col']);

/** A table of data (headers, caption, or a real grid), not layout: never cleaned away. What is `removed` no longer counts. */
function isDataTable(el: Element, removed: ReadonlySet<Element>): boolean {
  if (tagOf(el) !== 'table') return false;
  if (attr(el, 'role') === 'presentation') return false;
  if (attr(el, 'summary')) return true;
  let rows = 0;
  const stack = el.children.filter(isElement);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (removed.has(node)) continue;
    const tag = tagOf(node);
    if (TABLE_HEADER_TAGS.has(tag)) return true;
    if (tag === 'tr') rows++;
    for (const child of node.children) if (isElement(child)) stack.push(child);
  }
  return rows >= 10;
}

function weightOf(el: Element, vocab: Vocabulary): number {
  let weight = 0;
  for (const label of [attr(el, 'class'), attr(el, 'id')]) {
    if (!label) continue;
    if (vocab.negative.test(label)) weight -= CLASS_WEIGHT;
    if (vocab.positive.test(label)) weight += CLASS_WEIGHT;
  }
  return weight;
}

function parentOf(el: Element): Element | null {
  const parent = el.parent as AnyNode | null;
  return parent && isElement(parent) ? parent : null;
}

function ancestorsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let a = parentOf(el); a; a = parentOf(a)) out.push(a);
  return out;
}

function hasAncestor(el: Element, stop: Element | null, test: (a: Element) => boolean): boolean {
  for (let a = parentOf(el); a && a !== stop; a = parentOf(a)) if (test(a)) return true;
  return false;
}
