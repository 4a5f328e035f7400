// Incremental assignment: a new article joins the candidate story it is most similar to, or starts
// one; within its story it joins the development (event) of its closest member, or starts one.
import type { CorpusStats, ClusterCandidate } from '../store/story-store.js';
import type { ArticleFeatures } from '../domain/index.js';
import { compareProfiles, corpusIdf, similarityProfile, type Idf, type SimilarityBreakdown, type SimilarityProfile } from './similarity.js';
import { loadSameStoryModel, sameStoryProbability, type SameStoryModel } from './same-story-model.js';
import type { PairEvidence } from './pair-evidence.js';

export interface ScoredMember {
  candidate: ClusterCandidate;
  similarity: SimilarityBreakdown;
}

export interface Assignment {
  storyId: string | null;
  /** Other stories this article also belongs to: they turn out to be the same story and merge into `storyId`. */
  mergeStoryIds: string[];
  score: number;
  /** The story member that matched best, and why. */
  bestMatch: ScoredMember | null;
  runnerUp: { storyId: string; score: number } | null;
  /** The event joined (null: the article starts one), and the member it was joined through. */
  eventId: string | null;
  eventMember: string | null;
  articlesCompared: number;
  storiesCompared: number;
  /** Every candidate scored, best first (for copy detection and explanations). */
  scored: ScoredMember[];
}

export interface ClusterConfig {
  /** The same-story model that scores pairs; the thresholds below come from its fit. */
  model: SameStoryModel;
  /** Minimum story score to join a story, within a language and across languages. */
  joinThreshold: number;
  crossLanguageJoinThreshold: number;
  /** Reached only across scripts, where names and figures are all that compare. */
  crossScriptJoinThreshold: number;
  /** An article this similar to two stories proves them one story. */
  mergeThreshold: number;
  crossLanguageMergeThreshold: number;
  crossScriptMergeThreshold: number;
  /** An article this similar to a member, published within `eventDays`, reports the same development. */
  eventThreshold: number;
  eventDays: number;
  /** Candidates are looked for among articles published this many days around the new one (the model's fitted window). */
  windowDays: number;
}

/** The thresholds of a fitted model, as a clustering configuration. */
export function clusterConfig(model: SameStoryModel, eventDays = 3): ClusterConfig {
  const t = model.thresholds;
  return {
    model,
    joinThreshold: t.join,
    crossLanguageJoinThreshold: t.crossLanguageJoin,
    crossScriptJoinThreshold: t.crossScriptJoin,
    mergeThreshold: t.merge,
    crossLanguageMergeThreshold: t.crossLanguageMerge,
    crossScriptMergeThreshold: t.crossScriptMerge,
    eventThreshold: t.event,
    eventDays,
    windowDays: t.windowDays,
  };
}

export const DEFAULT_CLUSTER_CONFIG: ClusterConfig = clusterConfig(loadSameStoryModel());

/**
 * A candidate's profile is reused until the corpus has grown by this share. A cosine does not change
 * when every IDF moves alike (as they do while the corpus grows), only with the few terms whose
 * document frequency outgrows the corpus; refreshing at 5% instead of 20% cost a tenth of an ingest's
 * time and changed no fixture placement.
 */
const PROFILE_REFRESH_GROWTH = 0.2;
const profiles = new WeakMap<ClusterCandidate, { profile: SimilarityProfile; articleCount: number }>();

function cachedProfile(candidate: ClusterCandidate, stats: CorpusStats, idf: Idf): SimilarityProfile {
  const hit = profiles.get(candidate);
  if (hit && stats.articleCount <= hit.articleCount * (1 + PROFILE_REFRESH_GROWTH)) return hit.profile;
  const profile = similarityProfile(candidate.features, stats, idf);
  profiles.set(candidate, { profile, articleCount: stats.articleCount });
  return profile;
}

/** Members of a candidate story that count toward its score. */
const TOP_MEMBERS = 3;

/**
 * The story told in the article's language, read as one report: the article's body against the sum of
 * those members' bodies (each a unit vector), the rest of the evidence from its closest member. A
 * story whose reports each tell a part (a leak's many angles) is recognised by what they share.
 */
function storyAsOneReport(profile: SimilarityProfile, members: ScoredMember[], stats: CorpusStats, idf: Idf, config: ClusterConfig): number {
  const centroid = new Map<string, number>();
  for (const m of members) {
    const p = cachedProfile(m.candidate, stats, idf);
    if (!p.bodyNorm) continue;
    for (let i = 0; i < p.terms.length; i++) centroid.set(p.terms[i]!, (centroid.get(p.terms[i]!) ?? 0) + p.body[i]! / p.bodyNorm);
  }
  let dot = 0;
  let norm = 0;
  for (const w of centroid.values()) norm += w * w;
  for (let i = 0; i < profile.terms.length; i++) dot += profile.body[i]! * (centroid.get(profile.terms[i]!) ?? 0);
  if (!norm || !profile.bodyNorm) return 0;
  const closest = members[0]!.similarity.evidence as unknown as PairEvidence;
  const body = dot / (profile.bodyNorm * Math.sqrt(norm));
  if (body <= closest.body) return 0;
  return sameStoryProbability(config.model.within, { ...closest, body });
}

/**
 * A story's score blends its best-matching member with its top few, so one loose link cannot chain
 * unrelated articles into a story; or, where higher, the story read as one report (storyAsOneReport).
 */
export function assignStory(article: ArticleFeatures, candidates: ClusterCandidate[], stats: CorpusStats, config = DEFAULT_CLUSTER_CONFIG): Assignment {
  const idf = corpusIdf(stats);
  const profile = similarityProfile(article, stats, idf);
  const scored: ScoredMember[] = [];
  const byStory = new Map<string, ScoredMember[]>();
  for (const candidate of candidates) {
    const similarity = compareProfiles(profile, cachedProfile(candidate, stats, idf), false, config.model, true);
    const member = { candidate, similarity };
    scored.push(member);
    const list = byStory.get(candidate.storyId) ?? [];
    list.push(member);
    byStory.set(candidate.storyId, list);
  }
  scored.sort((x, y) => y.similarity.score - x.similarity.score);
  // The shared terms are worked out for the match that is explained only.
  const explained = (m: ScoredMember): ScoredMember => {
    const full = compareProfiles(profile, cachedProfile(m.candidate, stats, idf), true, config.model);
    return { candidate: m.candidate, similarity: { ...full, score: m.similarity.score } };
  };
  const stories: Array<{ storyId: string; score: number; threshold: number; mergeAt: number; members: ScoredMember[] }> = [];
  for (const [storyId, members] of byStory) {
    members.sort((x, y) => y.similarity.score - x.similarity.score);
    // Scores within a language and across languages are on different scales: the best member is
    // averaged with members of its own kind only.
    const kind = (m: ScoredMember) => m.candidate.features.language === article.language;
    const top = members.filter((m) => kind(m) === kind(members[0]!)).slice(0, TOP_MEMBERS);
    const mean = top.reduce((sum, m) => sum + m.similarity.score, 0) / top.length;
    // A story reached only through another language is held to the cross-language bar.
    const sameLanguage = members.some((m) => m.candidate.features.language === article.language && m.similarity.score > 0);
    const acrossScripts = top[0]!.similarity.comparedBy === 'acrossScripts';
    const ownLanguage = members.filter((m) => m.candidate.features.language === article.language);
    const blended = (top[0]!.similarity.score + mean) / 2;
    const pooled = ownLanguage.length >= 2 ? storyAsOneReport(profile, ownLanguage, stats, idf, config) : 0;
    stories.push({
      storyId,
      score: Math.max(blended, pooled),
      threshold: sameLanguage ? config.joinThreshold : acrossScripts ? config.crossScriptJoinThreshold : config.crossLanguageJoinThreshold,
      mergeAt: sameLanguage ? config.mergeThreshold : acrossScripts ? config.crossScriptMergeThreshold : config.crossLanguageMergeThreshold,
      members,
    });
  }
  stories.sort((a, b) => b.score - a.score || a.storyId.localeCompare(b.storyId));
  const passing = stories.filter((s) => s.score >= s.threshold);
  const best = passing[0];
  // The next story after the one joined; with none joined, the closest story that was not joined.
  const runnerUpStory = (best ? stories.find((s) => s !== best) : stories[0]) ?? null;
  const common = {
    runnerUp: runnerUpStory ? { storyId: runnerUpStory.storyId, score: runnerUpStory.score } : null,
    articlesCompared: candidates.length,
    storiesCompared: byStory.size,
    scored,
  };
  if (!best) {
    const top = stories[0];
    return { storyId: null, mergeStoryIds: [], score: top?.score ?? 0, bestMatch: top ? explained(top.members[0]!) : null, eventId: null, eventMember: null, ...common };
  }
  const mergeStoryIds = best.score >= best.mergeAt ? passing.slice(1).filter((s) => s.score >= s.mergeAt).map((s) => s.storyId) : [];
  const closest = explained(best.members[0]!);
  const sameEvent =
    closest.similarity.score >= config.eventThreshold && closest.candidate.eventId !== null && (closest.similarity.gapDays === null || closest.similarity.gapDays <= config.eventDays);
  return {
    storyId: best.storyId,
    mergeStoryIds,
    score: best.score,
    bestMatch: closest,
    eventId: sameEvent ? closest.candidate.eventId : null,
    eventMember: sameEvent ? closest.candidate.id : null,
    ...common,
  };
}
