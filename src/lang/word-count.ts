// Text length in words for any script: scripts written without spaces count about two characters a word.

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;
const CHARS_PER_UNSPACED_WORD = 2;

const ANY_UNSPACED = new RegExp(UNSPACED.source, 'u');

export function wordCount(text: string): number {
  // Most text has no unspaced script: then words are the runs between white space.
  if (!ANY_UNSPACED.test(text)) return spacedWordCount(text);
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (!token) continue;
    const unspaced = token.match(UNSPACED)?.length ?? 0;
    count += unspaced ? Math.max(1, Math.ceil(unspaced / CHARS_PER_UNSPACED_WORD)) : 1;
  }
  return count;
}

function spacedWordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (space) inWord = false;
    else if (!inWord) {
      inWord = true;
      count++;
    }
  }
  return count;
}
