// Sentence and word segmentation from the runtime's ICU data (works for scripts without spaces).

export interface Sentence {
  text: string;
  /** Offset in the source text. */
  offset: number;
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(language: string, granularity: 'sentence' | 'word'): Intl.Segmenter {
  const key = `${language}:${granularity}`;
  let s = sentenceSegmenters.get(key);
  if (!s) {
    try {
      s = new Intl.Segmenter(language === 'und' ? 'en' : language, { granularity });
    } catch {
      s = new Intl.Segmenter('en', { granularity });
    }
    sentenceSegmenters.set(key, s);
  }
  return s;
}

/** Sentences of a text, never crossing a paragraph (line) break. */
export function splitSentences(text: string, language: string): Sentence[] {
  const out: Sentence[] = [];
  let offset = 0;
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim()) {
      for (const seg of segmenter(language, 'sentence').segment(paragraph)) {
        const trimmed = seg.segment.trim();
        if (trimmed) out.push({ text: trimmed, offset: offset + seg.index });
      }
    }
    offset += paragraph.length + 1;
  }
  return out;
}

/** Word-like segments, lower-cased. */
export function splitWords(text: string, language: string): string[] {
  const out: string[] = [];
  for (const seg of segmenter(language, 'word').segment(text)) {
    if (seg.isWordLike) out.push(seg.segment.toLowerCase());
  }
  return out;
}
