import type { StorySummary, StoryView } from '../domain/index.js';

import { isOriginal } from './story-view.js';

export { articleListing, buildStoryView, formatPublished, isOriginal, publicationFields, storyTitle } from './story-view.js';
export { renderStoryMarkdown, renderTopicTimelineMarkdown } from './markdown.js';
export { coverageOfDays, storyCoverage, COVERAGE_BUCKETS } from './coverage.js';
export { storyQuotes, type StoryQuote } from './story-quotes.js';
export { findSourceDifferences, type SourceDifferences, type DateConflict, type DateReport, type SingleSourcePoint } from './source-differences.js';

export function summarizeStory(view: StoryView): StorySummary {
  const originals = view.articles.filter(isOriginal);
  const dates = originals.map((a) => a.published).filter((d): d is string => d !== null).sort();
  return {
    id: view.id,
    title: view.title,
    articleCount: originals.length,
    copyCount: view.articles.length - originals.length,
    eventCount: new Set(originals.map((a) => a.eventId ?? a.id)).size,
    languages: view.languages,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
  };
}
export {
  buildTopicTimeline,
  chooseDays,
  collectTopicEvidence,
  dateImportanceModel,
  dayFeatures,
  DAY_FEATURES,
  defaultPointCount,
  scoreDays,
  summarizeTopic,
  timelineFromEvidence,
  type DateImportanceModel,
  type ScoredDay,
  type TopicEvidence,
  type TopicTimeline,
  type TopicTimelineOptions,
  type TopicTimelinePoint,
} from './topic-timeline.js';
export { sentenceFlaw, type SentenceFlaw } from './point-text.js';
