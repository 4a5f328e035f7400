export type { StoryStore, ArticleQuery, DayWindow, ClusterCandidate, CopyCandidate, CorpusStats, DateUpdate, AddArticleOptions, ArticleIndex, Frequencies, EntityListing, StoryListQuery, StorySummaryRow } from './story-store.js';
export { SqliteStoryStore } from './sqlite/sqlite-story-store.js';
export { isTransactionConflict, isUniqueViolation, storeErrorOf } from './store-error.js';
