export type { StoryStore, CandidateQuery, CorpusStats, DateUpdate, AddArticleOptions } from './story-store.js';
export { SqliteStoryStore } from './sqlite/sqlite-story-store.js';
