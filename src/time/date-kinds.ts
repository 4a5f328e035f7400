// What a date mention is to the report: an event, a point of reference ("since 2000"), a forecast or
// target ("by 2022"), or the commemorated past of an anniversary. Cue words: data/time/date-kinds.json.
import { z } from 'zod';
import { escapeRegExp, loadDataFile } from '../lib/data-files.js';
import type { DateMentionKind } from '../domain/index.js';
import type { Tense } from './resolve.js';
import { testOnce } from './test-once.js';

const CuesSchema = z.object({
  forecastPrepositions: z.array(z.string()),
  forecastCues: z.array(z.string()),
  anniversaryCues: z.array(z.string()),
  backgroundCues: z.array(z.string()),
});
const DateKindsSchema = z.object({ version: z.number(), languages: z.record(CuesSchema) });

interface CueSet {
  /** A forecast preposition ends the text before a date. */
  forecastPreposition: RegExp;
  forecastCue: RegExp;
  anniversaryCue: RegExp;
  backgroundCue: RegExp;
}

const JOINED_SCRIPT_LANGUAGES = new Set(['zh', 'ja', 'ko']);
const NEVER = /(?!)/u;
const cache = new Map<string, CueSet | null>();

function cuesFor(language: string): CueSet | null {
  const lang = language.toLowerCase().split(/[-_]/)[0] || 'en';
  if (cache.has(lang)) return cache.get(lang)!;
  const own = loadDataFile('time/date-kinds.json', DateKindsSchema).languages[lang];
  const joined = JOINED_SCRIPT_LANGUAGES.has(lang);
  const start = joined ? '' : '(?<![\\p{L}\\p{N}])';
  const list = (words: string[]) => (words.length ? words.map((w) => escapeRegExp(w.toLowerCase()).replace(/ /g, '\\s+')).join('|') : null);
  const anywhere = (words: string[]) => {
    const alt = list(words);
    return alt ? new RegExp(`${start}(?:${alt})`, 'iu') : NEVER;
  };
  const set = own
    ? {
        forecastPreposition: list(own.forecastPrepositions) ? new RegExp(`${start}(?:${list(own.forecastPrepositions)})\\s*$`, 'iu') : NEVER,
        forecastCue: anywhere(own.forecastCues),
        anniversaryCue: anywhere(own.anniversaryCues),
        backgroundCue: anywhere(own.backgroundCues),
      }
    : null;
  cache.set(lang, set);
  return set;
}

export interface KindInput {
  sentence: string;
  /** The expression as found, and where it starts in the sentence. */
  text: string;
  index: number;
  reference: boolean;
  tense: Tense;
  /** The expression names its year itself ("2022", "May 2018"), not through the reference date. */
  explicitYear: boolean;
  /** First day it covers, when resolved; and the publication date (ISO), when known. */
  start: string | null;
  published: string | null;
}

/**
 * A point of reference stays one; a date after a target preposition ("by 2022", "bis 2030") is a
 * forecast when its clause looks ahead (future tense, a forecast word, or a date after publication);
 * in a sentence about an anniversary or elapsed years, a dated year before the news is the
 * commemorated past. Anything else is an event.
 */
export function classifyDateMention(input: KindInput, language: string): DateMentionKind {
  if (input.reference) return 'reference';
  const cues = cuesFor(language);
  if (!cues) return 'event';
  const lead = leadingWords(input);
  const afterPublication = input.start !== null && input.published !== null && input.start > input.published;
  if (cues.forecastPreposition.test(lead) && (input.tense === 'future' || afterPublication || testOnce(cues.forecastCue, input.sentence))) return 'forecast';
  if (input.explicitYear && testOnce(cues.anniversaryCue, input.sentence)) {
    // "On June 5, 2024, the 10th anniversary of the 2014 attack": the news date is not the commemorated one.
    const beforeNews = input.start !== null && input.published !== null && daysApart(input.start, input.published) > ANNIVERSARY_MIN_DAYS;
    if (beforeNews || input.published === null) return 'anniversary';
  }
  return 'event';
}

/** A past told as background ("had", "previously"): an event of the timeline, but not the report's news. */
export function isBackgroundMention(sentence: string, language: string): boolean {
  const cues = cuesFor(language);
  return cues ? testOnce(cues.backgroundCue, sentence) : false;
}

/** Anniversaries are counted in years: a date within a year of the news may be the news itself. */
const ANNIVERSARY_MIN_DAYS = 300;

/** The words before the expression, with a preposition the expression itself begins with ("by 2022"). */
function leadingWords(input: KindInput): string {
  const before = input.sentence.slice(Math.max(0, input.index - 24), input.index);
  const ownLead = /^[^\p{N}]*/u.exec(input.text)![0];
  return `${before}${ownLead}`.toLowerCase().trimEnd();
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}
