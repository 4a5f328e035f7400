// Boilerplate that survives main-content detection, removed paragraph by paragraph:
// section labels and breadcrumbs before the article, bylines and stamps, captions, share bars,
// consent banners, "Related:" lines, and everything after a "You may also like" marker.
import { wordCount } from '../lang/index.js';
import { findDates } from '../time/index.js';
import type { BoilerplateRules } from './boilerplate.js';

/** A paragraph this long is article prose. */
const PROSE_WORDS = 12;
const MAX_LABEL_WORDS = 3;
/** A tail marker cuts the text only in its second half: early ones are more likely in-article. */
const TAIL_CUT_MIN_SHARE = 0.5;
const MAX_STAMP_WORDS = 8;
const STAMP_SHARE = 0.4;
/** The longest dates written out ("Thứ Tư, ngày 13 tháng 9 năm 2023 10:45") are about 40 characters. */
const MAX_STAMP_CHARS = 120;
const SHORTCODE = /^\[\w+[^\]]*\].*\[\/\w+\]$/u;

export function cleanParagraphs(paragraphs: string[], title: string, rules: BoilerplateRules, language: string): string[] {
  const kept: string[] = [];
  let seenProse = false;
  const totalChars = paragraphs.reduce((n, p) => n + p.length, 0);
  let chars = 0;
  for (const paragraph of paragraphs) {
    const p = paragraph.trim();
    chars += p.length;
    if (!p) continue;
    const words = wordCount(p);
    const inTail = chars >= TAIL_CUT_MIN_SHARE * totalChars;
    if (seenProse && rules.isTailMarker(p) && inTail) break;
    // A disclaimer about comments closes the article; in its first half the words are the story's.
    if (seenProse && inTail && rules.isCommentPolicy(p)) continue;
    if (isBoilerplate(p, title, rules) || isDateStamp(p, language)) continue;
    if (!seenProse && (words <= MAX_LABEL_WORDS || endsWithTitle(p, title))) continue;
    if (words >= PROSE_WORDS) seenProse = true;
    kept.push(p);
  }
  return kept;
}

/** A paragraph that is page furniture wherever it stands: navigation, markers, captions, share bars, bylines. */
export function isBoilerplate(p: string, title: string, rules: BoilerplateRules): boolean {
  return (
    rules.isNavigationLine(p) ||
    rules.isTailMarker(p) ||
    rules.isDroppedLine(p) ||
    rules.isCaption(p) ||
    rules.isShareBar(p) ||
    rules.isTagList(p) ||
    rules.isConsentNotice(p) ||
    rules.isBylineOrStamp(p) ||
    SHORTCODE.test(p) ||
    (title !== '' && p === title)
  );
}

/** "نشر في ١٩ يونيو ٢٠٢٤", "입력 2024년 6월 19일": a short line that is mostly a date. */
function isDateStamp(p: string, language: string): boolean {
  if (p.length > MAX_STAMP_CHARS || !/\p{Nd}/u.test(p) || wordCount(p) > MAX_STAMP_WORDS) return false;
  const letters = p.replace(/\s+/g, '').length;
  return findDates(p, { language }).some((d) => (d.kind === 'full' || d.kind === 'relative') && d.text.replace(/\s+/g, '').length >= STAMP_SHARE * letters);
}

/** "HomeLatest NewsNollywood Actress…": a breadcrumb trail ending in the headline. */
function endsWithTitle(p: string, title: string): boolean {
  return title.length > 10 && p.length < title.length * 2 + 40 && p.endsWith(title);
}
