export * from './calendar.js';
export { asciiDigits, findDates, sentenceTense, type DateExpression, type FoundDate, type NumericOrder } from './find-dates.js';
export { resolveExpression, resolveYearless, pickYear, referenceFrom, type ReferenceDate, type Tense } from './resolve.js';
export { getDateVocabulary } from './vocabulary.js';
export { classifyDateMention, isBackgroundMention, type KindInput } from './date-kinds.js';
export { combineConfidence, confidenceOf, getDateSignalRules, minDateConfidence, signalOf, EVIDENCE_KINDS, type DateEvidence } from './date-signals.js';
