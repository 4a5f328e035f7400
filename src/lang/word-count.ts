// Text length in words for any script: scripts written without spaces count about two characters a word.

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const CHARS_PER_UNSPACED_WORD = 2;

export function wordCount(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    const unspaced = token.match(UNSPACED)?.length ?? 0;
    count += unspaced ? Math.max(1, Math.ceil(unspaced / CHARS_PER_UNSPACED_WORD)) : 1;
  }
  return count;
}
