export { matchAlerts, queryWords, type ResolvedAlert } from './match-alerts.js';
export { alertValue, deliverDueWebhooks, webhookPayload, WEBHOOK_RETRY_DELAYS_MS, type DeliverOptions, type DeliveryReport, type PostJson, type WebhookPayload } from './deliver-webhooks.js';
export { alertTargetFrom, newAlertId } from './alert-target.js';
