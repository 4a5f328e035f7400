// Webhook deliveries: each pending (alert, story) delivery due now is POSTed as JSON
// `{alert, story, articles:[{id,title,url,published,source}]}`. A failure is recorded with the reason
// and tried again later, backing off; after the last attempt it is kept as failed, never dropped.
import type { AlertDelivery, AlertRecord, StoryStore } from '../store/index.js';

/** Waits after the 1st, 2nd, … failed attempt; after the last one the delivery is given up as failed. */
export const WEBHOOK_RETRY_DELAYS_MS = [30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];

/** POSTs a JSON body; throws with the reason when the receiver does not answer 2xx. */
export type PostJson = (url: string, body: unknown) => Promise<void>;

export interface WebhookPayload {
  alert: { id: string; kind: AlertRecord['target']['kind']; value: string; feed: string };
  story: { id: string; url: string | null };
  articles: Array<{ id: string; title: string; url: string | null; published: string | null; source: string | null }>;
}

export interface DeliveryReport {
  delivered: number;
  retrying: number;
  failed: number;
  errors: Array<{ alertId: string; webhook: string; error: string }>;
}

export interface DeliverOptions {
  now?: () => Date;
  /** Where the web UI and API are reached, for links in the payload (none: relative links only). */
  publicUrl?: string;
  limit?: number;
}

/** Makes every delivery due now; returns what happened. */
export async function deliverDueWebhooks(store: StoryStore, post: PostJson, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const report: DeliveryReport = { delivered: 0, retrying: 0, failed: 0, errors: [] };
  const due = await store.dueDeliveries(now().toISOString(), options.limit ?? 100);
  const alerts = new Map<string, AlertRecord | null>();
  for (const delivery of due) {
    if (!alerts.has(delivery.alertId)) alerts.set(delivery.alertId, await store.getAlert(delivery.alertId));
    const alert = alerts.get(delivery.alertId);
    if (!alert) continue; // removed meanwhile: its deliveries went with it
    try {
      await post(delivery.webhook, await webhookPayload(store, alert, delivery, options.publicUrl));
      await store.recordDeliveryAttempt({ id: delivery.id, at: now().toISOString(), ok: true });
      report.delivered++;
    } catch (err) {
      const error = (err as Error).message;
      const wait = WEBHOOK_RETRY_DELAYS_MS[delivery.attempts];
      const nextAttemptAt = wait === undefined ? null : new Date(now().getTime() + wait).toISOString();
      await store.recordDeliveryAttempt({ id: delivery.id, at: now().toISOString(), ok: false, error, nextAttemptAt });
      if (nextAttemptAt) report.retrying++;
      else report.failed++;
      report.errors.push({ alertId: alert.id, webhook: delivery.webhook, error });
    }
  }
  return report;
}

export async function webhookPayload(store: StoryStore, alert: AlertRecord, delivery: AlertDelivery, publicUrl?: string): Promise<WebhookPayload> {
  const base = publicUrl?.replace(/\/+$/, '') ?? '';
  const articles: WebhookPayload['articles'] = [];
  for (const id of delivery.articleIds) {
    const a = await store.getArticle(id);
    if (a) articles.push({ id: a.id, title: a.title, url: a.url ?? null, published: a.published?.start ?? null, source: a.source });
  }
  const storyId = (await store.resolveStoryId(delivery.storyId)) ?? delivery.storyId;
  return {
    alert: { id: alert.id, kind: alert.target.kind, value: alertValue(alert.target), feed: `${base}/api/alerts/${encodeURIComponent(alert.id)}/feed.xml` },
    story: { id: storyId, url: base ? `${base}/stories/${encodeURIComponent(storyId)}` : null },
    articles,
  };
}

export function alertValue(target: AlertRecord['target']): string {
  return target.kind === 'query' ? target.query : target.kind === 'entity' ? target.entity : target.storyId;
}
