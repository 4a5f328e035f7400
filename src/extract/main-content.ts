// Main-content detection on an already parsed page, in one pass: prune page furniture, score the
// containers of prose by the text they hold (less their links), keep the best container with the
// chunks that continue it and its prose siblings. Readability stays the fallback when this finds
// too little.
import { z } from 'zod';
import { loadDataFile } from '../lib/data-files.js';
import { wordCount } from '../lang/index.js';
import { attr, bodyOf, childElements, contains, isElement, removeAll, tagOf, type AnyNode, type Document, type Element } from './dom.js';
import { htmlToText } from './html-text.js';

const ContainersSchema = z.object({
  version: z.number(),
  prunedTags: z.array(z.string()),
  furnitureTags: z.array(z.string()),
  prunedWords: z.array(z.string()),
  weakPrunedWords: z.array(z.string()),
  keepWords: z.array(z.string()),
});

const PROSE_TAGS = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'h2', 'h3', 'h4', 'div', 'section']);
const BLOCK_TAGS = new Set(['p', 'div', 'section', 'pre', 'blockquote', 'table', 'ul', 'ol', 'article', 'main']);
/** A container holding this share of the page's text is never pruned as furniture. */
const KEEP_SHARE = 0.5;
const MIN_PROSE_CHARS = 25;
const TOP_CANDIDATES = 10;
const CHUNK_LEVELS = 3;

const TuningSchema = z.object({
  /** A sibling of the chosen container joins it when it scores this share of the best. */
  siblingShare: z.number().positive(),
  /** Above this share of link text, a block is navigation, not prose. */
  maxLinkDensity: z.number().positive(),
  /** A candidate with the best one's tag and class scoring this share of it is one of its chunks. */
  chunkShare: z.number().positive(),
  /** Below this many words the result is not trusted and the caller asks Readability instead. */
  minMainContentWords: z.number().int().positive(),
});
export type MainContentTuning = z.infer<typeof TuningSchema>;

/** The shipped values (data/extract/main-content.json, chosen by bench/fit-extraction.ts). */
export function shippedTuning(): MainContentTuning {
  return loadDataFile('extract/main-content.json', z.object({ tuning: TuningSchema }).passthrough()).tuning;
}

let tuning: MainContentTuning | null = null;
const current = (): MainContentTuning => (tuning ??= shippedTuning());

/** Runs `fn` with other thresholds in force (the fitting script's grid), then restores the shipped ones. */
export function withMainContentTuning<T>(other: MainContentTuning, fn: () => T): T {
  const saved = tuning;
  tuning = other;
  try {
    return fn();
  } finally {
    tuning = saved;
  }
}

interface Rules {
  prunedTags: Set<string>;
  furnitureTags: Set<string>;
  prunedWord: RegExp;
  weakPrunedWord: RegExp;
  keepWord: RegExp;
}

let rules: Rules | null = null;

function getRules(): Rules {
  if (rules) return rules;
  const data = loadDataFile('boilerplate/html-containers.json', ContainersSchema);
  rules = {
    prunedTags: new Set(data.prunedTags.map((t) => t.toLowerCase())),
    furnitureTags: new Set(data.furnitureTags.map((t) => t.toLowerCase())),
    prunedWord: wordPattern(data.prunedWords),
    weakPrunedWord: wordPattern(data.weakPrunedWords),
    keepWord: wordPattern(data.keepWords),
  };
  return rules;
}

export interface MainContent {
  text: string;
  /** Share of the page's prose (low-link paragraphs) inside the chosen content: low means doubt. */
  coverage: number;
}

/** Words as whole parts of a class/id list (separated by spaces, - or _). */
function wordPattern(words: string[]): RegExp {
  return new RegExp(`(?:^|[\\s_-])(?:${words.map((w) => w.replace(/-/g, '[-_]')).join('|')})(?:$|[\\s_-])`, 'i');
}

/** The main content's text, paragraphs separated by blank lines; '' when no container stands out. */
export function extractMainContent(document: Document): MainContent {
  const body = bodyOf(document);
  if (!body) return { text: '', coverage: 0 };
  prune(body, measure(body));
  const stats = measure(body);
  markTeasers(stats);
  const scores = scoreContainers(body, stats);
  const ranked = rank(scores, stats);
  const best = ranked[0];
  if (!best) return { text: '', coverage: 0 };
  const root = withChunks(best, ranked.slice(1, TOP_CANDIDATES));
  const text = collectWithSiblings(root, best.score, scores, stats);
  const prose = proseLength(stats, body, landmarkOf(root));
  // Measured like the page's prose: characters with runs of white space as one.
  return { text, coverage: prose ? Math.min(1, text.replace(/\s+/g, ' ').length / prose) : 0 };
}

/** The <article> or <main> around the chosen content: prose outside it is not this article's. */
function landmarkOf(el: Element): Element | null {
  for (let node: Element | null = el; node; node = parentElement(node)) {
    const tag = tagOf(node);
    if (tag === 'article' || tag === 'main') return node;
  }
  return null;
}

/** Characters of low-link prose paragraphs on the (pruned) page, or inside its article landmark. */
function proseLength(stats: Map<Element, NodeStats>, body: Element, within: Element | null): number {
  let total = 0;
  for (const [el, s] of stats) {
    if (within && !contains(within, el)) continue;
    total += proseBlock(el, s, body)?.chars ?? 0;
  }
  return total;
}

/**
 * What an element holds as prose of its own, the one definition shared by scoring and coverage:
 * a leaf paragraph's low-link text, or the text written straight into a container between its blocks.
 */
function proseBlock(el: Element, s: NodeStats, body: Element): { kind: 'leaf' | 'inline'; chars: number } | null {
  if (el === body || !PROSE_TAGS.has(tagOf(el))) return null;
  if (s.hasBlockChild) return s.inline >= MIN_PROSE_CHARS ? { kind: 'inline', chars: s.inline } : null;
  if (s.text < MIN_PROSE_CHARS || s.links / s.text > current().maxLinkDensity) return null;
  return { kind: 'leaf', chars: s.text };
}

export function isEnoughContent(text: string): boolean {
  return wordCount(text) >= current().minMainContentWords;
}

interface NodeStats {
  text: number;
  links: number;
  /** A block element anywhere below: then this is a container, not a paragraph. */
  hasBlockChild: boolean;
  /** Text directly inside (text nodes and inline children): prose written between <br>s. */
  inline: number;
  inlineCommas: number;
}

const COMMAS = /[,，、،]/g;

/** One bottom-up walk: text length, link text length and block children of every element. */
function measure(root: Element): Map<Element, NodeStats> {
  const stats = new Map<Element, NodeStats>();
  const visit = (el: Element): NodeStats => {
    const own: NodeStats = { text: 0, links: 0, hasBlockChild: false, inline: 0, inlineCommas: 0 };
    for (const child of el.children) {
      if (child.type === 'text') {
        const value = child.data.trim();
        own.text += value.length;
        own.inline += value.length;
        own.inlineCommas += value.match(COMMAS)?.length ?? 0;
      } else if (child.type === 'tag') {
        const c = visit(child);
        own.text += c.text;
        own.links += c.links;
        const block = BLOCK_TAGS.has(tagOf(child));
        if (c.hasBlockChild || block) own.hasBlockChild = true;
        if (!block && !c.hasBlockChild) {
          own.inline += c.text - c.links;
          own.inlineCommas += c.inlineCommas;
        }
      }
    }
    if (tagOf(el) === 'a') own.links = own.text;
    stats.set(el, own);
    return own;
  };
  visit(root);
  return stats;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Linked headlines among a container's items from which on they are a list of teasers. */
const MIN_TEASERS = 3;

/** A headline that is a link to elsewhere: a heading mostly of link text, or a link wrapping a heading. */
function isLinkedHeading(el: Element, stats: Map<Element, NodeStats>): boolean {
  const s = stats.get(el);
  if (!s || !s.text) return false;
  const tag = tagOf(el);
  if (HEADINGS.has(tag)) return s.links / s.text > 0.5;
  return tag === 'a' && childElements(el).some((c) => HEADINGS.has(tagOf(c)));
}

/** Does the item open with a linked headline (itself, or its first element child, or that one's)? */
function opensWithLinkedHeading(item: Element, stats: Map<Element, NodeStats>): boolean {
  let el: Element | undefined = item;
  for (let depth = 0; el && depth < 3; depth++, el = childElements(el)[0]) if (isLinkedHeading(el, stats)) return true;
  return false;
}

/**
 * Teasers of other articles (a linked headline, then a blurb), repeated at least MIN_TEASERS times in
 * one container, are counted as the links they stand for: a blurb is prose in shape, and a grid of
 * them would otherwise outweigh a short article. Items may be wrappers that each open with a linked
 * headline, or headlines and blurbs may alternate in the container itself.
 */
function markTeasers(stats: Map<Element, NodeStats>): void {
  const teasers: Element[] = [];
  for (const container of stats.keys()) {
    const items = childElements(container);
    const wrapped = items.filter((c) => opensWithLinkedHeading(c, stats));
    if (wrapped.length >= MIN_TEASERS) {
      teasers.push(...wrapped);
      continue;
    }
    if (items.filter((c) => isLinkedHeading(c, stats)).length < MIN_TEASERS) continue;
    let inTeaser = false;
    for (const c of items) {
      if (isLinkedHeading(c, stats)) inTeaser = true;
      else if (HEADINGS.has(tagOf(c))) inTeaser = false;
      else if (inTeaser) teasers.push(c);
    }
  }
  for (const teaser of teasers) countAsLinks(teaser, stats);
}

/** Counts all of an element's text as link text, in it, below it and in its ancestors' sums. */
function countAsLinks(el: Element, stats: Map<Element, NodeStats>): void {
  const s = stats.get(el);
  if (!s) return;
  const added = s.text - s.links;
  if (added <= 0) return;
  const below = (node: Element) => {
    for (const c of childElements(node)) {
      const cs = stats.get(c);
      if (cs) cs.links = cs.text;
      below(c);
    }
  };
  below(el);
  s.links = s.text;
  for (let a = parentElement(el); a; a = parentElement(a)) {
    const as = stats.get(a);
    if (as) as.links = Math.min(as.text, as.links + added);
  }
}

function prune(body: Element, stats: Map<Element, NodeStats>): void {
  const rules = getRules();
  const { prunedTags, furnitureTags } = rules;
  const total = stats.get(body)?.text ?? 0;
  // A container's pruned children are removed together, once its children are walked.
  const walk = (el: Element) => {
    const doomed: AnyNode[] = [];
    for (const child of el.children) {
      if (!isElement(child)) {
        if (child.type === 'comment' || child.type === 'directive') doomed.push(child);
        continue;
      }
      const tag = tagOf(child);
      if (prunedTags.has(tag) || child.type !== 'tag') doomed.push(child);
      else if (
        tag !== 'article' &&
        tag !== 'main' &&
        (furnitureTags.has(tag) || isFurniture(child, rules)) &&
        (stats.get(child)?.text ?? 0) <= KEEP_SHARE * total
      )
        doomed.push(child);
      else walk(child);
    }
    removeAll(doomed);
  };
  walk(body);
}

function isFurniture(el: Element, rules: Rules): boolean {
  if (attr(el, 'hidden') !== null || attr(el, 'aria-hidden') === 'true') return true;
  const style = attr(el, 'style');
  if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  const label = `${attr(el, 'class') ?? ''} ${attr(el, 'id') ?? ''}`;
  if (label.length < 2) return false;
  return rules.prunedWord.test(label) || (rules.weakPrunedWord.test(label) && !rules.keepWord.test(label));
}

/** Readability-style: each prose block credits its parent fully, grandparent by half, then a quarter. */
function scoreContainers(body: Element, stats: Map<Element, NodeStats>): Map<Element, number> {
  const scores = new Map<Element, number>();
  const credit = (from: Element | null, score: number) => {
    let ancestor: Element | null = from;
    for (let level = 0; ancestor && level < 3; level++, ancestor = parentElement(ancestor)) {
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / (level === 0 ? 1 : level * 2));
    }
  };
  for (const [el, s] of stats) {
    const prose = proseBlock(el, s, body);
    if (!prose) continue;
    // Prose written straight into a container credits the container itself; a paragraph, its parent.
    if (prose.kind === 'inline') credit(el, 1 + s.inlineCommas + prose.chars / 100);
    else credit(parentElement(el), 1 + s.inlineCommas + Math.min(Math.floor(prose.chars / 100), 3));
  }
  return scores;
}

function parentElement(el: Element): Element | null {
  const parent = el.parent;
  return parent && isElement(parent as AnyNode) ? (parent as Element) : null;
}

interface Candidate {
  element: Element;
  score: number;
}

function rank(scores: Map<Element, number>, stats: Map<Element, NodeStats>): Candidate[] {
  return [...scores]
    .map(([element, raw]) => {
      const s = stats.get(element);
      const density = s && s.text ? Math.min(s.links / s.text, 1) : 0;
      return { element, score: raw * (1 - density) };
    })
    .sort((a, b) => b.score - a.score);
}

function signature(el: Element): string {
  return `${tagOf(el)}.${attr(el, 'class') ?? ''}`;
}

/**
 * Articles split into chunks (the same wrapper repeated every few paragraphs) score chunk by chunk:
 * strong candidates with the best one's tag and class, under a near common ancestor, are its chunks.
 */
function withChunks(best: Candidate, others: Candidate[]): Element {
  const sig = signature(best.element);
  const chunks = others.filter(
    (o) => o.score >= current().chunkShare * best.score && signature(o.element) === sig && !contains(o.element, best.element) && !contains(best.element, o.element),
  );
  if (chunks.length === 0) return best.element;
  let ancestor = parentElement(best.element);
  for (let level = 0; ancestor && level < CHUNK_LEVELS; level++, ancestor = parentElement(ancestor)) {
    if (chunks.every((c) => contains(ancestor!, c.element))) return ancestor;
  }
  return best.element;
}

/** The chosen container, plus siblings that score close to it or are plain prose paragraphs. */
function collectWithSiblings(root: Element, bestScore: number, scores: Map<Element, number>, stats: Map<Element, NodeStats>): string {
  const parent = parentElement(root);
  if (!parent) return htmlToText(root);
  const threshold = Math.max(10, bestScore * current().siblingShare);
  const parts: string[] = [];
  for (const sibling of childElements(parent)) {
    if (sibling === root) {
      parts.push(htmlToText(sibling));
      continue;
    }
    const s = stats.get(sibling);
    if (!s || s.text === 0) continue;
    const density = s.links / s.text;
    const proseParagraph = tagOf(sibling) === 'p' && s.text > 80 && density < 0.25;
    if (((scores.get(sibling) ?? 0) >= threshold && density < current().maxLinkDensity) || proseParagraph) parts.push(htmlToText(sibling));
  }
  return parts.filter(Boolean).join('\n\n');
}
