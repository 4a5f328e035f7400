// After articles are stored: which alerts they match, recorded in the store (which creates the
// webhook deliveries). Alerts are resolved once per call: an entity's canonical names, a story's
// current id.
import { matchAlerts, type ResolvedAlert } from '../alerts/index.js';
import type { StoredArticle } from '../domain/index.js';
import type { StoryStore } from '../store/index.js';

/** Articles read back at a time. */
const CHUNK = 200;

/** Records the matches of the stored articles with these ids; returns how many were new. Costs nothing without alerts. */
export async function recordAlertMatches(store: StoryStore, articleIds: string[], now: Date): Promise<number> {
  if (articleIds.length === 0) return 0;
  const alerts = await store.listAlerts();
  if (alerts.length === 0) return 0;
  const resolved: ResolvedAlert[] = [];
  for (const alert of alerts) {
    const t = alert.target;
    if (t.kind === 'entity') resolved.push({ id: alert.id, target: t, entityNames: await store.findEntityNames(t.entity) });
    else if (t.kind === 'story') resolved.push({ id: alert.id, target: t, currentStoryId: await store.resolveStoryId(t.storyId) });
    else resolved.push({ id: alert.id, target: t });
  }
  let recorded = 0;
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    const articles: StoredArticle[] = [];
    for (const id of articleIds.slice(i, i + CHUNK)) {
      const article = await store.getArticle(id);
      if (article) articles.push(article);
    }
    recorded += (await store.recordAlertMatches(matchAlerts(resolved, articles, now.toISOString()))).length;
  }
  return recorded;
}
