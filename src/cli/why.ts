// `storyline why`: an article's placement in words.
import type { StoredArticle } from '../domain/index.js';

export function renderPlacement(article: StoredArticle, storyId: string | null): string {
  const p = article.placement;
  const lines = [`${article.id}  ${article.title}`, `story ${storyId ?? '(none)'}, event ${article.eventId ?? '(none)'}`];
  if (!p) return `${lines.join('\n')}\nNo placement was recorded for this article (stored by an older version).\n`;
  if (p.copy) {
    const how = { exact: 'the same text as', near: 'a light edit of', translation: 'a translation of' }[p.copy.method];
    lines.push(`A copy: ${how} ${p.copy.of} (similarity ${p.copy.similarity}); it joins that article's story and event and is not counted as separate coverage.`);
  } else if (p.decision === 'joined') {
    lines.push(`Joined: story score ${p.storyScore} >= ${p.joinThreshold} to join (${p.articlesCompared} articles in ${p.storiesCompared} stories compared).`);
  } else {
    lines.push(`New story: no candidate story reached ${p.joinThreshold} (best ${p.storyScore}; ${p.articlesCompared} articles in ${p.storiesCompared} stories compared).`);
  }
  const m = p.bestMatch;
  if (m && !p.copy) {
    lines.push(`Closest article: ${m.articleId}  ${m.title}  (story ${m.storyId}, same-story probability ${m.score})`);
    if (m.evidence) lines.push(`  evidence: ${Object.entries(m.evidence).map(([k, v]) => `${k} ${Math.round(v * 1000) / 1000}`).join(', ')}`);
    if (m.bodyScore) lines.push(`  words: body ${m.bodyScore}, headline ${m.titleScore}`);
    if (m.sharedTerms.length) lines.push(`  shared terms: ${m.sharedTerms.join(', ')}`);
    lines.push(`  shared entities: ${m.sharedEntities.length ? m.sharedEntities.join(', ') : 'none'} (entity score ${m.entityScore})`);
    if (m.sharedMonths.length) lines.push(`  developments dated in the same months: ${m.sharedMonths.join(', ')} (date score ${m.dateScore})`);
    if (m.embeddingScore !== null && m.embeddingScore !== undefined) lines.push(`  sentence embeddings: cosine ${m.embeddingScore}`);
    if (m.gapDays !== null) lines.push(`  published ${m.gapDays} day${m.gapDays === 1 ? '' : 's'} apart`);
  }
  if (p.runnerUp) lines.push(`Next best story: ${p.runnerUp.storyId} (score ${p.runnerUp.score})`);
  if (p.mergedStories.length) lines.push(`Merged into this story: ${p.mergedStories.join(', ')} (the article belongs to each)`);
  lines.push(p.event.joined ? `Event: joined ${p.event.id} through ${p.event.withArticle}` : `Event: starts ${p.event.id}`);
  return `${lines.join('\n')}\n`;
}
