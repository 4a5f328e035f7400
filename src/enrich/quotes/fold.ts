// Comparison keys for words and phrases: case, accents and possessive endings off.
import { foldText } from '../../lib/data-files.js';

/** foldText normalises twice; tokens and verbs repeat a lot, so short strings are memoised. */
const foldCache = new Map<string, string>();
const ASCII = /^[\x00-\x7f]*$/;

export function fold(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    // ASCII has nothing to decompose: skip the two Unicode normalisations.
    f = ASCII.test(s) ? s.toLowerCase() : foldText(s);
    if (foldCache.size > 20_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}

const APOSTROPHE_SUFFIX = /^(.{2,}?)['’][\p{L}]{1,4}$/u;

/** Folded token key: case/accents off, periods off ("U.S."), a possessive or case suffix after an apostrophe off ("Putin's", "Peskov'a"). */
export function foldKey(raw: string): string {
  const k = fold(raw).replace(/\./g, '');
  const m = k.length > 2 ? APOSTROPHE_SUFFIX.exec(k) : null;
  return m ? m[1]! : k;
}
