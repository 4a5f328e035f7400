// A timeline for whatever the user selects (a story, words, an entity, a period): the selection is
// checked, its articles looked up in the store, and the topic timeline built from them. What the CLI
// (`storyline timeline`) and the API (`GET /api/timeline`) both run.
import type { StoredArticle, StoryView } from '../domain/index.js';
import type { ArticleQuery, StoryStore } from '../store/index.js';
import { daysInMonth, isValidYmd, toIso } from '../time/index.js';
import { articleListing, buildTopicTimeline, type TopicTimeline } from '../timeline/index.js';

export interface TimelineSelection {
  /** A story id (a merged story's old id too). */
  story?: string;
  /** Words that must all occur in an article's title, text or entity names. */
  query?: string;
  /** An entity's canonical name or an alias of it. */
  entity?: string;
  /** Period, as YYYY, YYYY-MM or YYYY-MM-DD: articles published or dating a development in it. */
  from?: string;
  to?: string;
  /** The timeline's language (the points are told in it). */
  language?: string;
  /** How many points; default: a size that fits the selection. */
  points?: number;
}

export interface SelectionTimeline extends TopicTimeline {
  /** What was selected; `entities` the canonical names the entity was found under. */
  selection: Omit<TimelineSelection, 'points'> & { entities?: string[] };
  /** The articles the points and background cite, oldest first. */
  articles: StoryView['articles'];
}

/** Why a selection cannot be looked up. A date problem's message starts with the field (from, to). */
export class SelectionError extends Error {
  constructor(
    readonly problem: 'empty' | 'date' | 'story',
    message: string,
  ) {
    super(message);
    this.name = 'SelectionError';
  }
}

export async function buildSelectionTimeline(store: StoryStore, selection: TimelineSelection): Promise<SelectionTimeline> {
  const { query, entities } = await articleQuery(store, selection);
  const articles = entities?.length === 0 ? [] : await store.findArticles(query);
  const timeline = buildTopicTimeline(articles, {
    ...(selection.points !== undefined ? { points: selection.points } : {}),
    ...(selection.language ? { language: selection.language } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
  });
  const { points: _points, ...asked } = selection;
  return {
    ...timeline,
    selection: { ...asked, ...(query.storyId ? { story: query.storyId } : {}), ...(entities ? { entities } : {}) },
    articles: citedArticles(articles, timeline),
  };
}

/** A heading for the selection: "Timeline: Vladimir Putin, 2024-06 to 2024-07". */
export function selectionTitle(selection: SelectionTimeline['selection']): string {
  const parts = [
    selection.story ? `story ${selection.story}` : null,
    selection.query ? `“${selection.query}”` : null,
    selection.entity ? (selection.entities?.length ? selection.entities.join(' / ') : selection.entity) : null,
    selection.from || selection.to ? `${selection.from ?? '…'} to ${selection.to ?? '…'}` : null,
    selection.language ? `in ${selection.language}` : null,
  ];
  return `Timeline: ${parts.filter(Boolean).join(', ')}`;
}

/** The store query for a selection; `entities` the canonical names an entity resolved to. */
async function articleQuery(store: StoryStore, selection: TimelineSelection): Promise<{ query: ArticleQuery; entities?: string[] }> {
  const story = selection.story?.trim();
  const words = selection.query?.trim().split(/\s+/).filter(Boolean) ?? [];
  const entity = selection.entity?.trim();
  const from = selection.from ? periodStart(selection.from, 'from') : undefined;
  const to = selection.to ? periodEnd(selection.to, 'to') : undefined;
  if (!story && !words.length && !entity && !from && !to) {
    throw new SelectionError('empty', 'select something: a story, words (query), an entity or a period (from/to)');
  }
  if (from && to && from > to) throw new SelectionError('date', `from: ${selection.from} is after to (${selection.to})`);
  const query: ArticleQuery = {};
  if (story) {
    const current = await store.resolveStoryId(story);
    if (!current) throw new SelectionError('story', `no such story: ${story}`);
    query.storyId = current;
  }
  if (words.length) query.words = words;
  if (from) query.from = from;
  if (to) query.to = to;
  if (!entity) return { query };
  const entities = await store.findEntityNames(entity);
  query.entities = entities;
  return { query, entities };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** First day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function periodStart(date: string, what: string): string {
  const [y, m, d] = parseDate(date, what);
  return toIso({ y, m: m ?? 1, d: d ?? 1 });
}

/** Last day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function periodEnd(date: string, what: string): string {
  const [y, m, d] = parseDate(date, what);
  const month = m ?? 12;
  return toIso({ y, m: month, d: d ?? daysInMonth(y, month) });
}

function parseDate(date: string, what: string): [number, number | undefined, number | undefined] {
  const match = DATE.exec(date.trim());
  const [y, m, d] = [match?.[1], match?.[2], match?.[3]].map((x) => (x === undefined ? undefined : Number(x)));
  if (!match || y === undefined || (m !== undefined && !isValidYmd(y, m, d ?? 1))) {
    throw new SelectionError('date', `${what}: not a date (YYYY, YYYY-MM or YYYY-MM-DD): ${date}`);
  }
  return [y, m, d];
}

function citedArticles(articles: StoredArticle[], timeline: TopicTimeline): StoryView['articles'] {
  const cited = new Set([...timeline.points, ...timeline.background].flatMap((p) => p.articles));
  return articles
    .filter((a) => cited.has(a.id))
    .sort((a, b) => (a.published?.start ?? '9999').localeCompare(b.published?.start ?? '9999') || a.ingestedAt.localeCompare(b.ingestedAt))
    .map(articleListing);
}
