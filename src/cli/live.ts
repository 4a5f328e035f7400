// Live news commands: `feeds add|list|remove`, `watch`, `alerts add|list|remove`. Results go to stdout,
// progress and per-poll summaries to stderr.
import { Command, InvalidArgumentError, Option } from 'commander';
import { alertTargetFrom, alertValue, newAlertId } from '../alerts/index.js';
import { parsePublicUrl, setting } from '../config.js';
import { UsageError, type InputError } from '../domain/index.js';
import { parseFetchUrl, postJson } from '../ingest/fetch/index.js';
import { fetcherFromSettings } from './fetcher.js';
import { openStore, resolveDbPath } from '../main.js';
import { untilNextDue, watchRound, type FeedPollResult, type WatchRound } from '../pipeline/index.js';
import type { AlertRecord } from '../store/index.js';
import { printJson } from './output.js';
import { withStore } from './with-store.js';


const EXIT_OK = 0;
const EXIT_BAD_INPUT = 1;

export interface LiveCommandContext {
  setExit(code: number): void;
  dbOption(): Option;
}

/** The option every command that fetches takes. */
export function allowPrivateNetworkOption(): Option {
  return new Option('--allow-private-network', 'allow fetching private, loopback and link-local addresses (refused by default, after DNS and on every redirect)');
}

export function addLiveCommands(program: Command, ctx: LiveCommandContext): void {
  const feeds = program.command('feeds').description('the feeds `watch` keeps current');
  feeds
    .command('add')
    .description('record feeds (RSS or Atom URLs); nothing is fetched until `watch`')
    .argument('<urls...>')
    .addOption(ctx.dbOption())
    .action(async (urls: string[], opts: { db?: string }) => {
      const checked = urls.map(checkFeedUrl);
      await withStore(
        opts.db,
        async (store) => {
          const added = new Set(await store.addFeeds(checked, new Date().toISOString()));
          for (const url of checked) process.stdout.write(`${added.has(url) ? 'added' : 'already kept'} ${url}\n`);
        },
        { mustExist: false },
      );
    });
  feeds
    .command('list')
    .description('the kept feeds with their last poll')
    .addOption(ctx.dbOption())
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const list = await store.listFeeds();
        if (opts.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('no feeds (add one: storyline feeds add URL)\n');
        for (const f of list) {
          const state = f.lastCheckedAt === null ? 'never polled' : f.errorCount > 0 ? `failing ${f.errorCount}× (${f.lastError})` : `ok, last success ${f.lastSuccessAt}`;
          process.stdout.write(`${f.url}\n  ${f.title ?? '(title unknown)'} · ${state} · next ${f.nextCheckAt ?? 'now'}\n`);
        }
      });
    });
  feeds
    .command('remove')
    .description('stop keeping feeds (what they brought in stays)')
    .argument('<urls...>')
    .addOption(ctx.dbOption())
    .action(async (urls: string[], opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        const removed = await store.removeFeeds(urls);
        process.stdout.write(`removed ${removed} of ${urls.length}\n`);
        if (removed < urls.length) ctx.setExit(EXIT_BAD_INPUT);
      });
    });

  program
    .command('watch')
    .description('poll the kept feeds on their schedule, store new items, record alert matches and deliver webhooks')
    .addOption(ctx.dbOption())
    .option('--interval <duration>', 'time between polls of a feed, e.g. 90s, 15m, 2h (default: 15m)', parseDuration, 15 * 60_000)
    .option('--once', 'poll every due feed once, then exit')
    .addOption(allowPrivateNetworkOption())
    .option('--max-pages <n>', 'new items fetched per feed and poll at most (default: 1000)', parsePositive)
    .option('--public-url <url>', 'where the web UI is reached, for links in webhook payloads (default: $STORYLINE_PUBLIC_URL)', (value: string) => {
      const url = parsePublicUrl(value);
      if (url === null) throw new InvalidArgumentError('an http(s) URL without query or fragment, such as https://news.example.org');
      return url;
    })
    .action(async (opts: { db?: string; interval: number; once?: boolean; allowPrivateNetwork?: boolean; maxPages?: number; publicUrl?: string }) => {
      ctx.setExit(await runWatch(opts));
    });

  const alerts = program.command('alerts').description('alerts on new articles matching a query, an entity or a story');
  alerts
    .command('add')
    .description('follow a query, an entity or a story; matches are recorded during ingest and watch')
    .addOption(ctx.dbOption())
    .option('--query <text>', 'articles whose title, text or entity names hold every word')
    .option('--entity <name>', 'articles naming this entity (canonical name or alias)')
    .option('--story <id>', 'new articles of this story')
    .option('--webhook <url>', 'POST each batch of matches as JSON to this URL')
    .action(async (opts: { db?: string; query?: string; entity?: string; story?: string; webhook?: string }) => {
      const target = alertTargetFrom(opts);
      if ('problem' in target) throw new UsageError(target.problem.replace(/\b(query|entity|story)\b/g, '--$1'));
      if (opts.webhook) checkWebhookUrl(opts.webhook);
      await withStore(
        opts.db,
        async (store) => {
          if (target.kind === 'story' && !(await store.resolveStoryId(target.storyId))) throw new UsageError(`no such story: ${target.storyId} (see \`storyline stories\`)`);
          const id = newAlertId();
          await store.createAlert({ id, target, webhook: opts.webhook ?? null, createdAt: new Date().toISOString() });
          process.stdout.write(`${id}\n`);
          process.stderr.write(`alert ${id} follows ${target.kind} "${alertValue(target)}"; its feed: /api/alerts/${id}/feed.xml\n`);
        },
        { mustExist: false },
      );
    });
  alerts
    .command('list')
    .description('the alerts, with their matches and deliveries')
    .addOption(ctx.dbOption())
    .option('--json', 'print JSON')
    .action(async (opts: { db?: string; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const list = await store.listAlerts();
        if (opts.json) return printJson(list);
        if (list.length === 0) return void process.stdout.write('no alerts (add one: storyline alerts add --query TEXT)\n');
        for (const a of list) process.stdout.write(`${describeAlert(a)}\n`);
      });
    });
  alerts
    .command('remove')
    .description('remove alerts with their matches')
    .argument('<ids...>')
    .addOption(ctx.dbOption())
    .action(async (ids: string[], opts: { db?: string }) => {
      await withStore(opts.db, async (store) => {
        let removed = 0;
        for (const id of ids) if (await store.removeAlert(id)) removed++;
        process.stdout.write(`removed ${removed} of ${ids.length}\n`);
        if (removed < ids.length) ctx.setExit(EXIT_BAD_INPUT);
      });
    });
}

async function runWatch(opts: { db?: string; interval: number; once?: boolean; allowPrivateNetwork?: boolean; maxPages?: number; publicUrl?: string }): Promise<number> {
  const allowPrivateNetwork = opts.allowPrivateNetwork === true;
  const fetcher = fetcherFromSettings(allowPrivateNetwork);
  const publicUrl = setting('publicUrl', opts.publicUrl) ?? undefined;
  const store = await openStore(resolveDbPath(opts.db));
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let failedRounds = 0;
  try {
    if ((await store.listFeeds()).length === 0) process.stderr.write('watch: no feeds kept yet (add one: storyline feeds add URL)\n');
    while (!stop.signal.aborted) {
      const round = await watchRound(store, {
        fetcher,
        intervalMs: opts.interval,
        postJson: (url, body) => postJson(url, body, { allowPrivateNetwork }),
        ...(publicUrl ? { publicUrl } : {}),
        ...(opts.maxPages ? { maxPages: opts.maxPages } : {}),
        onFeed: (r) => process.stderr.write(`${describePoll(r)}\n`),
      });
      process.stderr.write(`${describeRound(round)}\n`);
      if (round.feeds.some((f) => f.status === 'failed')) failedRounds++;
      if (opts.once) break;
      await sleep(Math.max(1000, await untilNextDue(store, opts.interval, new Date())), stop.signal);
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
  return opts.once && failedRounds > 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

function describePoll(r: FeedPollResult): string {
  if (r.status === 'failed') return `watch: ${r.url}: failed (${r.error}); next try ${r.nextCheckAt}`;
  if (r.status === 'not-modified') return `watch: ${r.url}: not modified`;
  return `watch: ${r.url}: ${r.items} items, ${r.newItems} new, ${r.added} stored`;
}

function describeRound(round: WatchRound): string {
  const s = round.summary;
  const polled = round.feeds.length;
  const failed = round.feeds.filter((f) => f.status === 'failed').length;
  const d = round.deliveries;
  const webhooks = d.delivered + d.retrying + d.failed ? `; webhooks ${d.delivered} delivered, ${d.retrying} to retry, ${d.failed} given up` : '';
  return `watch: polled ${polled} feed${polled === 1 ? '' : 's'} (${failed} failed): added ${s.added} articles (${s.copies} copies), ${s.failed.length} pages failed, ${s.alertMatches} alert matches${webhooks}`;
}

function describeAlert(a: AlertRecord): string {
  const deliveries = a.webhook ? ` · webhook ${a.webhook} (${a.pendingDeliveries} pending, ${a.failedDeliveries} failed)` : '';
  return `${a.id}  ${a.target.kind} "${alertValue(a.target)}" · ${a.matches} matches${a.lastMatchAt ? `, last ${a.lastMatchAt}` : ''}${deliveries}`;
}

function checkFeedUrl(url: string): string {
  return checkHttpUrl(url, 'feed');
}

export function checkWebhookUrl(url: string): string {
  return checkHttpUrl(url, '--webhook');
}

/** The URL as the fetcher will take it (http or https, with a host), or a usage error saying why not. */
function checkHttpUrl(value: string, what: string): string {
  try {
    return parseFetchUrl(value).href;
  } catch (err) {
    throw new UsageError(`${what} ${JSON.stringify(value)}: ${(err as InputError).reason}`);
  }
}

/** `90s`, `15m`, `2h`, `1d`, or a number of seconds. */
export function parseDuration(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/.exec(value.trim());
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  const ms = m ? Number(m[1]) * unit[(m[2] ?? 's') as keyof typeof unit] : NaN;
  if (!Number.isFinite(ms) || ms < 1000 || ms > 7 * 86_400_000) throw new InvalidArgumentError('a duration from 1s to 7d, such as 90s, 15m or 2h');
  return ms;
}

function parsePositive(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number of at least 1');
  return n;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
