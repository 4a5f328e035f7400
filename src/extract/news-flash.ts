// A news flash in a script written without spaces (Chinese, Japanese, Thai...): one line that is a
// whole sentence, which the headline finder would otherwise take as a title over an empty body.
import { UNSPACED_SCRIPT_CLASS, wordCount } from '../lang/index.js';
import type { BoilerplateRules } from './boilerplate.js';

const UNSPACED_CHAR = new RegExp(`[${UNSPACED_SCRIPT_CLASS}]`, 'gu');
const LETTER = /\p{L}/gu;
/** Where menu labels part: white space and the separators menus print between them. */
const LABEL_BREAK = /[\s|·•／/>»]+/u;

/**
 * A sentence is an unbroken run of at least this many words. The word counter takes two characters
 * of these scripts for a word (most modern Chinese words are one or two characters long, Japanese
 * ones two or three), so this is a run of about ten characters: a short clause ("四川发生5.2级地震，暂无伤亡"),
 * while a menu label is one or two words ("首页", "国际新闻"). It is the least article there is: the
 * same five words extraction asks of any article.
 */
export const MIN_FLASH_RUN_WORDS = 5;

/**
 * Is this line a sentence in a script without spaces, rather than a headline-like label or a menu?
 * Most of its letters are in such a script, and most of those stand in runs a sentence long: menu
 * labels, each a word or two set apart by spaces or separators, never are.
 */
export function isProbablyUnspacedNewsFlash(line: string, rules: BoilerplateRules): boolean {
  const unspaced = line.match(UNSPACED_CHAR)?.length ?? 0;
  const letters = line.match(LETTER)?.length ?? 0;
  if (unspaced === 0 || unspaced * 2 < letters) return false;
  if (rules.isNavigationLine(line) || rules.isDroppedLine(line)) return false;
  let inSentences = 0;
  for (const run of line.split(LABEL_BREAK)) {
    if (wordCount(run) >= MIN_FLASH_RUN_WORDS) inSentences += run.match(UNSPACED_CHAR)?.length ?? 0;
  }
  return inSentences * 2 >= unspaced;
}
