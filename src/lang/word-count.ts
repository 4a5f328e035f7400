// Text length in words for any script: scripts written without spaces count about two characters a word.

import { UNSPACED_SCRIPT_CLASS } from './scripts.js';

const UNSPACED = new RegExp(`[${UNSPACED_SCRIPT_CLASS}]`, 'gu');
const CHARS_PER_UNSPACED_WORD = 2;

export function wordCount(text: string): number {
  // One pass counts runs between white space; text in an unspaced script takes the slower count.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0e00 && mayBeUnspaced(c)) return unspacedWordCount(text);
    if (isSpace(c)) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}

function unspacedWordCount(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    const unspaced = token.match(UNSPACED)?.length ?? 0;
    count += unspaced ? Math.max(1, Math.ceil(unspaced / CHARS_PER_UNSPACED_WORD)) : 1;
  }
  return count;
}

/** The blocks of Thai, Lao, Myanmar, Khmer, kana and Han (surrogates stand for the supplementary Han planes). */
function mayBeUnspaced(c: number): boolean {
  return (
    (c >= 0x0e00 && c <= 0x0eff) ||
    (c >= 0x1000 && c <= 0x109f) ||
    (c >= 0x1780 && c <= 0x17ff) ||
    (c >= 0x19e0 && c <= 0x19ff) ||
    (c >= 0x2e80 && c <= 0x9fff) ||
    (c >= 0xa9e0 && c <= 0xaa7f) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff66 && c <= 0xff9f) ||
    (c >= 0xd800 && c <= 0xdbff)
  );
}

/** The characters `\s` matches. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
