// Entity recognition: gazetteer matches (any language, any script), then names the gazetteer lacks,
// found by cue words; later surname-only mentions count toward the full name.
import { z } from 'zod';
import type { EntityMention, EntityType } from '../../domain/index.js';
import { foldText, foldWord, loadDataFile } from '../../lib/data-files.js';
import { hasUnspacedScript } from '../../lang/index.js';
import { RangeBuckets } from '../range-buckets.js';
import { getGazetteer, type GazetteerEntry, type TrieNode } from './gazetteer.js';
import { caseStemKeys, nameKey, variantKey } from './name-key.js';

const CuesSchema = z.object({
  version: z.number(),
  languages: z.record(
    z.object({
      personTitles: z.array(z.string()),
      speechVerbs: z.array(z.string()),
      organizationHeads: z.array(z.string()),
      notNames: z.array(z.string()),
    }),
  ),
});

interface Token {
  raw: string;
  folded: string;
  /** Matching key (name-key.ts): scripts of one name share it. */
  key: string;
  /** The word's cached keys, shared by every token of the same spelling. */
  keys: WordKeys;
  start: number;
  end: number;
}

interface Match {
  entry: GazetteerEntry;
  surface: string;
  start: number;
  end: number;
}

/** A glued suffix ("Putinwill") is split only after an exact multi-word prefix and when it is this long. */
const MIN_GLUED_SUFFIX = 2;
/** The glued part of the name itself: one letter ("A.P." before "A powerful") is too little. */
const MIN_GLUED_PREFIX = 2;
const MAX_NAME_TOKENS = 4;
const MIN_SURNAME_LETTERS = 3;

export function recognizeEntities(text: string, language: string): EntityMention[] {
  const tokens = tokenize(text);
  const matches = withoutOverlaps([...matchGazetteer(tokens, text), ...matchUnspaced(text)]);
  const fromGazetteer = new Set(matches);
  const taken = new Set<number>();
  for (const m of matches) for (let i = m.start; i < m.end; i++) taken.add(i);
  matches.push(...matchByCues(tokens, text, language, taken));
  matches.push(...matchSurnames(tokens, matches, taken, fromGazetteer));
  matches.push(...matchRoles(tokens, text, matches, language));
  return aggregate(matches);
}

/**
 * Folding, keying and the first trie step cost more than looking up: words repeat across articles,
 * so what each spelling leads to is kept.
 */
interface WordKeys {
  folded: string;
  key: string;
  /** The key with romanisation variants collapsed, which names are also indexed by (worked out when first needed). */
  variant?: string;
  /** Keys with case endings or joined particles off (worked out when first needed); none for plain ASCII words. */
  stems?: string[];
  /** Where the word leads from the trie's root, and which root that was (the gazetteer can be rebuilt). */
  atRoot?: TrieNode[];
  rootOf?: TrieNode;
}

const keyCache = new Map<string, WordKeys>();
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const KEY_CACHE_LIMIT = 200_000;

function wordKeys(word: string): WordKeys {
  let keys = keyCache.get(word);
  if (!keys) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    // Plain ASCII words fold to lower case and key as themselves, with no stems.
    if (ASCII_WORD.test(word)) {
      const folded = word.toLowerCase();
      keys = { folded, key: folded, stems: NONE };
    } else {
      const folded = foldWord(word);
      keys = { folded, key: nameKey(folded) };
    }
    keyCache.set(word, keys);
  }
  return keys;
}

const NONE: never[] = [];

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  // Vowel signs and other combining marks are part of the word (Devanagari, Bengali, Thai).
  for (const m of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
    const raw = m[0];
    const start = m.index!;
    const keys = wordKeys(raw);
    tokens.push({ raw, folded: keys.folded, key: keys.key, keys, start, end: start + raw.length });
  }
  return tokens;
}

/** Upper-case first letter, or a script without case (Arabic, Hangul, Devanagari). */
function isNameLike(s: string): boolean {
  // ASCII first letters, the common case, are read off the code.
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const first = s[0]!;
  const lower = first.toLowerCase();
  const upper = first.toUpperCase();
  return lower === upper ? /\p{L}/u.test(first) : first === upper;
}

/** Longest gazetteer match at each position, left to right. */
function matchGazetteer(tokens: Token[], text: string): Match[] {
  const { root } = getGazetteer();
  const out: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = longestMatchAt(root, tokens, i);
    if (found) {
      const last = tokens[found.endToken - 1]!;
      const end = found.gluedLength !== undefined ? last.start + found.gluedLength : last.end;
      out.push({ entry: found.entry, surface: text.slice(tokens[i]!.start, end), start: tokens[i]!.start, end });
      i = found.endToken;
    } else {
      i++;
    }
  }
  return out;
}

/**
 * Names are capitalised where the script has case: a one-word match must be, a longer one needs one
 * capitalised word ("космодрома Восточный"); a short alias or acronym must match exactly.
 */
function accepts(node: TrieNode, tokens: Token[], start: number, end: number): boolean {
  if (node.exactForms) return end - start === 1 && node.exactForms.has(tokens[start]!.raw);
  if (node.lowercaseOk) return true;
  for (let i = start; i < end; i++) if (isNameLike(tokens[i]!.raw)) return true;
  return false;
}

type TrieMatch = { entry: GazetteerEntry; endToken: number; gluedLength?: number };

/** Maximum trie paths followed from one word: its key, variant and case stems may each lead somewhere. */
const MAX_BRANCHES = 4;

function variantOfToken(token: Token): string {
  return (token.keys.variant ??= variantKey(token.key));
}

/** Where a word leads from a trie node; from the root (where every word is tried) it is remembered per spelling. */
function nextNodes(node: TrieNode, token: Token, root: TrieNode): TrieNode[] {
  if (node !== root) return stepFrom(node, token);
  const keys = token.keys;
  if (keys.rootOf !== root) {
    keys.atRoot = stepFrom(root, token);
    keys.rootOf = root;
  }
  return keys.atRoot!;
}

/** Its exact key first, then its variant, then (only if neither) its stems. */
function stepFrom(node: TrieNode, token: Token): TrieNode[] {
  const exact = node.children.get(token.key);
  const variantOf = variantOfToken(token);
  const variant = variantOf !== token.key ? node.children.get(variantOf) : undefined;
  if (exact || variant) return exact && variant && exact !== variant ? [exact, variant] : [(exact ?? variant)!];
  if (node.children.size === 0) return NONE;
  // Case stems are worked out once per word, and only for words that need them.
  const stems = (token.keys.stems ??= caseStemKeys(token.folded));
  if (stems.length === 0) return NONE;
  const out: TrieNode[] = [];
  for (const k of stems) {
    const next = node.children.get(k);
    if (next && !out.includes(next)) out.push(next);
    if (out.length === MAX_BRANCHES) break;
  }
  return out;
}

function longestMatchAt(root: TrieNode, tokens: Token[], start: number): TrieMatch | null {
  let best: TrieMatch | null = null;
  const first = tokens[start]!;
  const stack: Array<{ node: TrieNode; j: number }> = [{ node: root, j: start }];
  while (stack.length) {
    const { node, j } = stack.pop()!;
    const token = tokens[j];
    if (!token) continue;
    const nexts = nextNodes(node, token, root);
    for (const next of nexts) {
      if (next.entry && (!best || j + 1 > best.endToken) && accepts(next, tokens, start, j + 1)) best = { entry: next.entry, endToken: j + 1 };
      if (next.children.size) stack.push({ node: next, j: j + 1 });
    }
    // "Vladimir Putinwill": after an exact first name, the surname may be glued to the next word.
    if (nexts.length === 0 && j > start && isNameLike(first.raw)) {
      const glued = gluedPrefix(node, token);
      if (glued && (!best || j + 1 > best.endToken)) best = { entry: glued.entry, endToken: j + 1, gluedLength: glued.length };
    }
  }
  return best;
}

function gluedPrefix(node: TrieNode, token: Token): { entry: GazetteerEntry; length: number } | null {
  for (const [key, child] of node.children) {
    // Keys of Latin words keep their letters' positions, so the split point carries over to the text.
    if (!child.entry || key.length < MIN_GLUED_PREFIX || key.length >= variantOfToken(token).length || variantOfToken(token).length !== token.raw.length) continue;
    const rest = token.raw.slice(key.length);
    if ((token.key.startsWith(key) || variantOfToken(token).startsWith(key)) && rest.length >= MIN_GLUED_SUFFIX && rest === rest.toLowerCase()) {
      return { entry: child.entry, length: key.length };
    }
  }
  return null;
}

/** Where matches overlap (柏林 inside 都柏林), the longest wins. */
function withoutOverlaps(matches: Match[]): Match[] {
  const kept: Match[] = [];
  const near = new RangeBuckets<Match>();
  for (const m of [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (near.someNear(m.start, m.end, (k) => m.start < k.end && k.start < m.end)) continue;
    kept.push(m);
    near.add(m.start, m.end, m);
  }
  return kept;
}

function matchUnspaced(text: string): Match[] {
  const out: Match[] = [];
  // Most articles have no character of a script written without spaces.
  if (!hasUnspacedScript(text)) return out;
  const { unspacedByFirst } = getGazetteer();
  for (let at = 0; at < text.length; at++) {
    const candidates = unspacedByFirst.get(text[at]!);
    if (!candidates) continue;
    for (const { alias, entry } of candidates) {
      if (text.startsWith(alias, at)) out.push({ entry, surface: alias, start: at, end: at + alias.length });
    }
  }
  return out;
}

type CueSets = { titles: Set<string>; titleWords: Set<string>; speech: Set<string>; orgHeads: Set<string>; notNames: Set<string> };
const cueCache = new Map<string, CueSets | null>();

function cuesFor(language: string): CueSets | null {
  if (cueCache.has(language)) return cueCache.get(language)!;
  const data = loadDataFile('entities/cues.json', CuesSchema).languages[language];
  const sets = data
    ? {
        titles: new Set(data.personTitles.map(foldText)),
        titleWords: new Set(data.personTitles.flatMap((t) => foldText(t).split(/\s+/))),
        speech: new Set(data.speechVerbs.map(foldText)),
        orgHeads: new Set(data.organizationHeads.map(foldText)),
        notNames: new Set(data.notNames.map(foldText)),
      }
    : null;
  cueCache.set(language, sets);
  return sets;
}

/** Capitalised runs the gazetteer does not know, typed by the words around them. */
function matchByCues(tokens: Token[], text: string, language: string, taken: Set<number>): Match[] {
  const cues = cuesFor(language);
  if (!cues) return [];
  const out: Match[] = [];
  let i = 0;
  while (i < tokens.length) {
    const run = capitalizedRun(tokens, i, text, cues, taken);
    if (run < 2) {
      i++;
      continue;
    }
    const words = tokens.slice(i, i + run);
    const type = guessType(words, tokens[i - 1], tokens[i + run], cues, text);
    if (type) {
      const surface = text.slice(words[0]!.start, words[run - 1]!.end);
      out.push({ entry: { name: surface.replace(/\s+/g, ' '), type }, surface, start: words[0]!.start, end: words[run - 1]!.end });
    }
    i += run;
  }
  return out;
}

function capitalizedRun(tokens: Token[], start: number, text: string, cues: CueSets, taken: Set<number>): number {
  let n = 0;
  while (start + n < tokens.length && n < MAX_NAME_TOKENS) {
    const t = tokens[start + n]!;
    if (!isNameLike(t.raw) || /\d/.test(t.raw) || cues.notNames.has(t.folded) || taken.has(t.start)) break;
    if (n > 0 && !/^[\s-]+$/u.test(text.slice(tokens[start + n - 1]!.end, t.start))) break;
    n++;
  }
  return n;
}

function guessType(words: Token[], before: Token | undefined, after: Token | undefined, cues: CueSets, text: string): EntityType | null {
  if (cues.orgHeads.has(words[words.length - 1]!.folded)) return 'organization';
  const personWords = words.every((w) => !cues.titles.has(w.folded) && w.raw.length > 1);
  if (!personWords) return null;
  if (before && cues.titles.has(before.folded)) return 'person';
  if (after && cues.speech.has(after.folded)) return 'person';
  // "X, an aide to ..." / "X, head of ...": an apposition naming a role.
  const follow = text.slice(words[words.length - 1]!.end, words[words.length - 1]!.end + 40);
  const apposition = /^,\s+(?:the\s+|an?\s+)?([\p{L}-]+)/u.exec(follow);
  if (apposition && cues.titles.has(foldText(apposition[1]!))) return 'person';
  return null;
}

/** "Zhelokhovtsev" alone, after "Ivan Zhelokhovtsev", is the same person. */
function matchSurnames(tokens: Token[], matches: Match[], taken: Set<number>, gazetteerMatches: Set<Match>): Match[] {
  const surnames = new Map<string, GazetteerEntry>();
  for (const m of matches) {
    // Gazetteer people list their distinctive short forms as aliases; guessing a surname
    // from word order would be wrong for names written family-name first (Kim Jong Un).
    if (m.entry.type !== 'person' || gazetteerMatches.has(m)) continue;
    const parts = m.entry.name.split(/\s+/);
    const surname = parts[parts.length - 1]!;
    if (parts.length >= 2 && surname.length > MIN_SURNAME_LETTERS) surnames.set(nameKey(foldText(surname)), m.entry);
  }
  const covered = new Set<number>(taken);
  for (const m of matches) for (let i = m.start; i < m.end; i++) covered.add(i);
  const out: Match[] = [];
  for (const t of tokens) {
    const entry = surnames.get(variantOfToken(t));
    if (entry && isNameLike(t.raw) && !covered.has(t.start)) out.push({ entry, surface: t.raw, start: t.start, end: t.end });
  }
  return out;
}

/** Role words before a name: "Russian President", "Kremlin spokesman", "North Korean leader". */
const MAX_ROLE_TOKENS = 4;

/**
 * "Russian President Vladimir Putin ... the Russian President said": a role written before a person's
 * full mention, met again on its own, is that person. Roles of two or more words only, and only
 * roles that name one person in the article.
 */
function matchRoles(tokens: Token[], text: string, matches: Match[], language: string): Match[] {
  const cues = cuesFor(language);
  if (!cues) return [];
  if (!matches.some((m) => m.entry.type === 'person')) return [];
  const startIndex = new Map(tokens.map((t, i) => [t.start, i]));
  const roles = new Map<string, GazetteerEntry | null>();
  for (const m of matches) {
    const at = startIndex.get(m.start);
    if (m.entry.type !== 'person' || at === undefined) continue;
    const role = roleBefore(tokens, at, cues);
    if (role.length < 2) continue;
    const key = role.map((t) => t.folded).join(' ');
    const known = roles.get(key);
    roles.set(key, known === undefined || known?.name === m.entry.name ? m.entry : null);
  }
  if (roles.size === 0) return [];
  const covered = new Set<number>();
  for (const m of matches) for (let i = m.start; i < m.end; i++) covered.add(i);
  // Each run of two to MAX_ROLE_TOKENS words is looked up among the roles (not each role at every word);
  // the mentions are then put in the order of the roles, then of the text.
  const named = new Map<string, { rank: number; entry: GazetteerEntry }>();
  for (const [key, entry] of roles) if (entry) named.set(key, { rank: named.size, entry });
  const found: Array<{ rank: number; entry: GazetteerEntry; at: number; words: number }> = [];
  for (let i = 0; i < tokens.length && named.size > 0; i++) {
    let key = tokens[i]!.folded;
    for (let words = 2; words <= MAX_ROLE_TOKENS && i + words <= tokens.length; words++) {
      key += ` ${tokens[i + words - 1]!.folded}`;
      const role = named.get(key);
      if (role) found.push({ ...role, at: i, words });
    }
  }
  found.sort((a, b) => a.rank - b.rank || a.at - b.at);
  const out: Match[] = [];
  for (const { entry, at: i, words } of found) {
    const last = tokens[i + words - 1]!;
    const next = tokens[i + words];
    // Followed by a name, it is a full mention again, counted already.
    if (next && covered.has(next.start) && next.start - last.end <= 1) continue;
    out.push({ entry, surface: text.slice(tokens[i]!.start, last.end), start: tokens[i]!.start, end: last.end });
  }
  return out;
}

/**
 * The run of title words and capitalised words right before token `at`, containing a title word:
 * "Russian President" (English puts the nationality first), "Ngoại trưởng Nga" (Vietnamese after).
 */
function roleBefore(tokens: Token[], at: number, cues: CueSets): Token[] {
  const run: Token[] = [];
  for (let i = at - 1; i >= 0 && run.length < MAX_ROLE_TOKENS; i--) {
    const t = tokens[i]!;
    const gap = tokens[i + 1]!.start - t.end;
    if (gap !== 1 || !(cues.titleWords.has(t.folded) || isNameLike(t.raw))) break;
    run.unshift(t);
  }
  return run.some((t) => cues.titleWords.has(t.folded)) ? run : [];
}

function aggregate(matches: Match[]): EntityMention[] {
  const byName = new Map<string, EntityMention>();
  for (const m of matches.sort((a, b) => a.start - b.start)) {
    const current = byName.get(m.entry.name) ?? { name: m.entry.name, type: m.entry.type, aliases: [], mentions: 0 };
    current.mentions++;
    const surface = m.surface.replace(/\s+/g, ' ').trim();
    if (surface !== current.name && !current.aliases.includes(surface)) current.aliases.push(surface);
    byName.set(m.entry.name, current);
  }
  return [...byName.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name));
}
