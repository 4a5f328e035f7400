export type { StoryStore, ArticleQuery, DayWindow, ClusterCandidate, CopyCandidate, CorpusStats, DateUpdate, AddArticleOptions, ArticleIndex, Frequencies, EntityListing, LanguageListing, OutletListing, StoryListQuery, StoryListSort, StorySummaryRow } from './story-store.js';
export { outletKey, sortKey } from './story-store.js';
export type {
  LiveStore,
  FeedRecord,
  FeedCheck,
  PageFetchOutcome,
  PageFetchRecord,
  AlertTarget,
  NewAlert,
  AlertRecord,
  AlertMatch,
  AlertMatchView,
  AlertDelivery,
  DeliveryAttempt,
} from './live-store.js';
export { SqliteStoryStore } from './sqlite/sqlite-story-store.js';
export { isTransactionConflict, isUniqueViolation, storeErrorOf } from './store-error.js';
