export type { StoryStore, CandidateQuery, CorpusStats, DateUpdate, AddArticleOptions, EntityListing } from './story-store.js';
export { SqliteStoryStore } from './sqlite/sqlite-story-store.js';
