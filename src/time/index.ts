export * from './calendar.js';
export { asciiDigits, findDates, sentenceTense, type DateExpression, type FoundDate, type NumericOrder } from './find-dates.js';
export { resolveExpression, resolveYearless, pickYear, referenceFrom, type ReferenceDate, type Tense } from './resolve.js';
export { getDateVocabulary } from './vocabulary.js';
