// The command line: parse arguments, call the pipeline or the store, print. Results to stdout,
// progress and errors to stderr. Exit codes: 0 ok, 1 bad input, 2 usage error, 3 the database failed.
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, UsageError } from '../domain/index.js';
import { loadSentenceEmbedder } from '../enrich/index.js';
/** The evaluation commands' code loads only when one runs. */
const evaluation = () => import('../eval/index.js');
import { describeDb, openStore, resolveDbPath } from '../main.js';
import { analyzePaths, buildSelectionTimeline, emptySummary, ingestPaths, ingestUrls, listedSummary, SelectionError, selectionTitle, type TimelineSelection } from '../pipeline/index.js';
import { storeErrorOf, type StoryStore } from '../store/index.js';
import { buildStoryView, renderStoryMarkdown, renderTopicTimelineMarkdown } from '../timeline/index.js';
import { analysisJson, articleJson, printJson, printStory, printStoryList, printArticleList, printTopicTimeline } from './output.js';
import { renderPlacement } from './why.js';
import { progressReporter } from './progress.js';
import { describeSettings, parsePublicUrl, setting, SETTINGS } from '../config.js';
import { serveUntilStopped, type ServeFlags } from './serve.js';
import { runParallelIngest, runWorkerCommand, type WorkerFlags } from './workers.js';
import { addLiveCommands, allowPrivateNetworkOption } from './live.js';
import { withStore } from './with-store.js';
import { postJson } from '../ingest/fetch/index.js';
import { fetcherFromSettings } from './fetcher.js';
import { deliverDueWebhooks } from '../alerts/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SAMPLE_DIR = join(REPO_ROOT, 'examples', 'seeds');

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;
/** The database failed: what was committed stays; a re-run continues without duplicates. */
export const EXIT_STORE = 3;

function dbOption(): Option {
  return new Option('--db <path-or-url>', 'SQLite database file or postgres:// URL (default: $STORYLINE_DB or ./storyline.db)');
}

function embeddingsOption(): Option {
  return new Option('--embeddings <dir>', 'a local ONNX sentence-embedding model (transformers.js layout) for cross-language evidence; needs the optional package @huggingface/transformers');
}

interface IngestFlags {
  db?: string;
  quiet?: boolean;
  embeddings?: string;
  allowPrivateNetwork?: boolean;
  maxPages?: number;
}

const WEB_URL = /^https?:\/\//i;

/** Where the web UI is reached ($STORYLINE_PUBLIC_URL), for links in webhook payloads. */
function publicUrlSetting(): { publicUrl?: string } {
  const url = setting('publicUrl');
  return url ? { publicUrl: url } : {};
}

async function runIngest(inputs: string[], options: IngestFlags): Promise<number> {
  // The model is loaded (or refused) before the store is touched.
  const embedder = options.embeddings ? await loadSentenceEmbedder(options.embeddings) : undefined;
  // Filled as the run goes: when the database stops it, what was stored so far is still reported.
  const summary = emptySummary();
  const progress = progressReporter(!options.quiet);
  try {
    const store = await openStore(resolveDbPath(options.db));
    try {
      const urls = inputs.filter((i) => WEB_URL.test(i));
      const paths = inputs.filter((i) => !WEB_URL.test(i));
      const common = { progress, summary, ...(embedder ? { embedder } : {}) };
      if (paths.length) await ingestPaths(paths, store, common);
      if (urls.length) {
        const fetcher = fetcherFromSettings(options.allowPrivateNetwork === true);
        await ingestUrls(urls, store, { ...common, fetcher, ...(options.maxPages ? { maxPages: options.maxPages } : {}) });
      }
      if (summary.alertMatches > 0) {
        const delivered = await deliverDueWebhooks(store, (url, body) => postJson(url, body, { allowPrivateNetwork: options.allowPrivateNetwork === true }), publicUrlSetting());
        for (const e of delivered.errors) process.stderr.write(`warning: webhook of alert ${e.alertId} (${e.webhook}): ${e.error}; retried by \`storyline watch\`\n`);
      }
    } finally {
      await store.close();
    }
    return summary.failed.length ? EXIT_BAD_INPUT : EXIT_OK;
  } finally {
    progress.finish();
    const copies = summary.copies ? ` (${summary.copies} of them ${summary.copies === 1 ? 'a copy' : 'copies'} of stored articles)` : '';
    const alerts = summary.alertMatches ? `, ${summary.alertMatches} alert ${summary.alertMatches === 1 ? 'match' : 'matches'}` : '';
    process.stdout.write(`added ${summary.added}${copies}, skipped ${summary.duplicates} already stored, failed ${summary.failed.length}${alerts}\n`);
  }
}

async function runAnalyze(paths: string[]): Promise<number> {
  const result = await analyzePaths(paths);
  for (const w of result.warnings) process.stderr.write(`warning: ${w.origin}: ${w.message}\n`);
  for (const e of result.failed) process.stderr.write(`error: ${e.message}\n`);
  const analyses = result.analyses.map(analysisJson);
  if (analyses.length) printJson(analyses.length === 1 ? analyses[0] : analyses);
  return result.failed.length ? EXIT_BAD_INPUT : EXIT_OK;
}

async function storyViews(store: StoryStore) {
  const views = [];
  for (const id of await store.listStoryIds()) views.push(buildStoryView(id, await store.storyArticles(id)));
  return views;
}

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name('storyline')
    .description('Turn news articles into stories with dated timelines.')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  program
    .command('ingest')
    .description('add articles from files or directories (.txt, .html, .htm, .jsonl, .warc, .warc.gz) or URLs (an article page, an RSS/Atom feed, a sitemap, a WARC file); re-ingesting adds nothing new')
    .argument('<inputs...>', 'files or directories (walked recursively) and http(s) URLs')
    .addOption(dbOption())
    .option('-q, --quiet', 'no progress bar')
    .addOption(embeddingsOption())
    .addOption(allowPrivateNetworkOption())
    .option('--max-pages <n>', 'pages fetched from one feed or sitemap at most (default: 1000)', parseMaxPages)
    .option('--workers <n>', 'ingest with N worker processes (PostgreSQL only): the inputs are queued in the database and the workers share them', parseWorkerCount)
    .action(async (paths: string[], opts: IngestFlags & { workers?: number }) => {
      if (opts.workers === undefined) return setExit(await runIngest(paths, opts));
      if (paths.some((p) => WEB_URL.test(p))) throw new UsageError('URLs cannot be ingested with --workers yet: ingest them in one process');
      if (opts.embeddings) throw new UsageError('--embeddings does not work with --workers yet: ingest in one process to use a model');
      setExit(await runParallelIngest(paths, resolveDbPath(opts.db), { workers: opts.workers, ...(opts.quiet ? { quiet: true } : {}) }));
    });

  program
    .command('worker')
    .description('ingest documents from the PostgreSQL job queue (filled by `ingest --workers`) until SIGINT/SIGTERM, which let the current document finish')
    .addOption(dbOption())
    .option('--exit-when-idle', 'exit once no job is queued or running')
    .option('--id <name>', "this worker's name in the queue (default: host:pid)")
    .option('--lease <seconds>', 'how long a claimed job stays this worker\'s without renewal; a dead worker\'s jobs go to others after it (default: 60)', parseLeaseSeconds)
    .action(async (opts: WorkerFlags & { db?: string }) => setExit(await runWorkerCommand(resolveDbPath(opts.db), opts)));

  program
    .command('stories')
    .description('list stories, newest activity first')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((opts: { db?: string; json?: boolean }) =>
      withStore(opts.db, async (store) => {
        const summaries = [];
        for (const s of await store.listStorySummaries()) summaries.push(await listedSummary(store, s));
        if (opts.json) process.stdout.write(`${JSON.stringify(summaries, null, 2)}\n`);
        else printStoryList(summaries);
      }),
    );

  program
    .command('story')
    .description('show one story: articles, timeline, entities')
    .argument('<id>', 'story id (from `storyline stories`)')
    .addOption(dbOption())
    .addOption(new Option('--json', 'print JSON').conflicts('markdown'))
    .option('--markdown', 'print Markdown')
    .action((id: string, opts: { db?: string; json?: boolean; markdown?: boolean }) =>
      withStore(opts.db, async (store) => {
        // A story merged into another keeps answering under its old id.
        const current = await store.resolveStoryId(id);
        if (!current) throw new InputError(id, 'no such story (see `storyline stories`)');
        const view = buildStoryView(current, await store.storyArticles(current));
        if (opts.json) process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
        else if (opts.markdown) process.stdout.write(renderStoryMarkdown(view));
        else printStory(view);
      }),
    );

  program
    .command('articles')
    .description('list stored articles with their metadata, origin and story')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .option('--story <id>', 'only the articles of this story')
    .action((opts: { db?: string; json?: boolean; story?: string }) =>
      withStore(opts.db, async (store) => {
        const story = opts.story === undefined ? undefined : await store.resolveStoryId(opts.story);
        if (story === null) throw new InputError(opts.story!, 'no such story (see `storyline stories`)');
        const articles = await store.listArticles(story);
        if (opts.json) process.stdout.write(`${JSON.stringify(articles.map(articleJson), null, 2)}\n`);
        else printArticleList(articles);
      }),
    );

  program
    .command('timeline')
    .description('the most important dated developments across a selection: a story, words, an entity, a period (at least one)')
    .option('--story <id>', 'the articles of this story')
    .option('--query <text>', 'articles whose title, text or entity names hold every word (case and accents ignored)')
    .option('--entity <name>', 'articles naming this entity (its canonical name or an alias)')
    .option('--from <date>', 'articles published or dating a development on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'articles published or dating a development on or before this date')
    .option('--language <code>', 'tell the points in this language (e.g. en, vi)')
    .option('--points <n>', 'the N most important points, in date order (default: a size that fits the selection)', parsePointCount)
    .addOption(dbOption())
    .addOption(new Option('--json', 'print JSON').conflicts('markdown'))
    .option('--markdown', 'print Markdown')
    .action(async (opts: TimelineSelection & { db?: string; json?: boolean; markdown?: boolean }) => {
      if (opts.language !== undefined && !LANGUAGE.test(opts.language)) throw new UsageError(`--language: not a language code such as en or vi: ${opts.language}`);
      await withStore(opts.db, async (store) => {
        const timeline = await selectionTimeline(store, opts);
        if (opts.json) printJson(timeline);
        else if (opts.markdown) process.stdout.write(renderTopicTimelineMarkdown(timeline, selectionTitle(timeline.selection)));
        else printTopicTimeline(timeline, selectionTitle(timeline.selection));
      });
    });

  program
    .command('why')
    .description('explain why an article is in its story: the decision, the best match, shared entities, terms, dates and scores')
    .argument('<article-id>', 'article id (from `storyline articles`)')
    .addOption(dbOption())
    .option('--json', 'print JSON')
    .action((id: string, opts: { db?: string; json?: boolean }) =>
      withStore(opts.db, async (store) => {
        const article = await store.getArticle(id);
        if (!article) throw new InputError(id, 'no such article (see `storyline articles`)');
        // The story it was placed in may since have merged into another.
        const storyId = (await store.resolveStoryId(article.storyId ?? '')) ?? article.storyId;
        if (opts.json) printJson({ id: article.id, title: article.title, storyId, eventId: article.eventId, duplicateOf: article.duplicateOf, placement: article.placement });
        else process.stdout.write(renderPlacement(article, storyId));
      }),
    );

  program
    .command('analyze')
    .description('print what Storyline finds in articles (language, entities, dates, quotes) without storing them; one JSON object for one article, an array for more')
    .argument('<paths...>', 'files or directories (.txt, .html, .htm, .jsonl)')
    .action(async (paths: string[]) => setExit(await runAnalyze(paths)));

  const evaluate = program.command('eval').description('measure quality on a benchmark folder; prints JSON');
  evaluate
    .command('extraction')
    .description('article-extraction benchmark layout: html/<id>.html.gz + ground-truth.json')
    .argument('<dir>', 'benchmark folder')
    .action(async (dir: string) => printJson(without((await evaluation()).evalExtraction(dir), 'perPage')));
  evaluate
    .command('dates')
    .description('publication-date benchmark layout: pages/ + expected-dates.json (+ pages-meta.json for URLs)')
    .argument('<dir>', 'benchmark folder')
    .action(async (dir: string) => {
      const evaluator = await evaluation();
      const pages = evaluator.scoreDatePages(dir);
      // The stored threshold was chosen on the dev sample: the held-out figure is the cross-validated one.
      printJson({ ...without(evaluator.evalDates(dir, pages), 'perPage'), crossValidated: evaluator.crossValidateDates(dir, pages) });
    });
  evaluate
    .command('clustering')
    .description('story clustering on JSONL {id, lang, title, text, date, cluster}: pairwise and B-cubed P/R/F1, overall and per language, speed')
    .argument('<file>', 'JSONL file')
    .addOption(embeddingsOption())
    .action(async (file: string, opts: { embeddings?: string }) => {
      const embedder = opts.embeddings ? await loadSentenceEmbedder(opts.embeddings) : undefined;
      printJson(without(await (await evaluation()).evalClustering(file, embedder ? { embedder } : {}), 'per_article'));
    });
  evaluate
    .command('similarity')
    .description('pair similarity on JSONL {pair_id, lang1, lang2, title1, text1, title2, text2, overall}: Pearson r with the human rating')
    .argument('<file>', 'JSONL file')
    .action(async (file: string) => printJson(without((await evaluation()).evalSimilarity(file), 'per_pair')));
  evaluate
    .command('timelines')
    .description('topic timelines, Timeline17 layout: <topic>/articles.jsonl + <topic>/timelines/*.timeline.json: Date-F1 and ROUGE-1 F per timeline, beside the busiest publication days')
    .argument('<dir>', 'folder of topic folders')
    .action(async (dir: string) => printJson(await (await evaluation()).evalTimelines(dir)));
  evaluate
    .command('segments')
    .description("trafilatura's main-text layout: pages/ + evaldata.json (with/without segments)")
    .argument('<dir>', 'benchmark folder')
    .action(async (dir: string) => printJson((await evaluation()).evalSegments(dir)));

  program
    .command('config')
    .description('print every setting: its value, where it came from (environment or default), its environment variable and unit')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) => {
      const settings = describeSettings();
      if (opts.json) return printJson(settings);
      for (const s of settings) process.stdout.write(`${s.name.padEnd(18)} ${String(s.value).padEnd(16)} ${s.source.padEnd(7)} $${s.env} (${s.unit}): ${s.description}\n`);
    });

  program
    .command('serve')
    .description('serve the HTTP API (/api, OpenAPI at /api/openapi.json) and the web UI')
    .addOption(dbOption())
    .option('--port <n>', `port to listen on, 0 picks a free one (default: $STORYLINE_PORT or ${SETTINGS.port.default})`)
    .option('--host <address>', `address to listen on; other than loopback only with a token (default: $STORYLINE_HOST or ${SETTINGS.host.default})`)
    .option('--token <token>', 'require "Authorization: Bearer TOKEN" on every API call, at least 16 characters (default: $STORYLINE_TOKEN)')
    .option('--public-url <url>', 'where users reach the server, e.g. behind a proxy: absolute links (Atom feeds) use it, and requests may name its host (default: $STORYLINE_PUBLIC_URL)', parsePublicUrlFlag)
    .option('--allowed-host <name>', 'a host name requests may name besides loopback and the public URL\'s, repeatable; others are 421 (default: $STORYLINE_ALLOWED_HOSTS, comma-separated)', (name: string, names: string[] = []) => [...names, name])
    .action(async (opts: ServeFlags) => setExit(await serveUntilStopped(opts)));

  program
    .command('demo')
    .description('ingest the bundled sample (examples/seeds), print the story it forms, then serve it (see `serve`)')
    .addOption(dbOption())
    .option('--no-serve', 'print the story and exit, without starting the server')
    .option('--port <n>', `port to serve on, 0 picks a free one (default: $STORYLINE_PORT or ${SETTINGS.port.default})`)
    .action(async (opts: { db?: string; serve: boolean; port?: string }) => {
      if (!existsSync(SAMPLE_DIR)) throw new UsageError(`sample directory ${SAMPLE_DIR} is missing`);
      const code = await runIngest([SAMPLE_DIR], { ...(opts.db ? { db: opts.db } : {}) });
      const sampleStories = await withStore(opts.db, async (store) => {
        const sampleIds = new Set((await store.listArticles()).filter((a) => a.path?.startsWith(SAMPLE_DIR)).map((a) => a.storyId));
        const views = (await storyViews(store)).filter((v) => sampleIds.has(v.id));
        for (const view of views) {
          process.stdout.write('\n');
          printStory(view);
        }
        process.stdout.write(`\nDatabase: ${describeDb(resolveDbPath(opts.db))} (try: npx storyline stories --db ${describeDb(resolveDbPath(opts.db))})\n`);
        return views.map((v) => v.id);
      });
      setExit(code);
      if (!opts.serve) return;
      const page = sampleStories.length === 1 ? `/stories/${sampleStories[0]}` : '/';
      setExit(Math.max(code, await serveUntilStopped({ ...(opts.port !== undefined ? { port: opts.port } : {}), host: SETTINGS.host.default, ...(opts.db ? { db: opts.db } : {}) }, page)));
    });

  addLiveCommands(program, { setExit, dbOption });
  return program;
}

function parseMaxPages(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000) throw new InvalidArgumentError('a whole number from 1 to 1000000');
  return n;
}

const LANGUAGE = /^[a-z]{2,3}$/;
const MAX_WORKERS = 64;

function parseWorkerCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new InvalidArgumentError(`a whole number from 1 to ${MAX_WORKERS}`);
  return n;
}

function parseLeaseSeconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 1 || n > 3600) throw new InvalidArgumentError('a number of seconds from 1 to 3600');
  return n;
}
const MAX_POINTS = 500;

function parsePublicUrlFlag(value: string): string {
  const url = parsePublicUrl(value);
  if (url === null) throw new InvalidArgumentError('an http(s) URL without query or fragment, such as https://news.example.org');
  return url;
}

function parsePointCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > MAX_POINTS) throw new InvalidArgumentError(`a whole number from 1 to ${MAX_POINTS}`);
  return n;
}

/** The selection's timeline; a selection that cannot be looked up is a usage error, an unknown story bad input. */
async function selectionTimeline(store: StoryStore, opts: TimelineSelection) {
  const { story, query, entity, from, to, language, points } = opts;
  const selection: TimelineSelection = { story, query, entity, from, to, language, points };
  for (const key of Object.keys(selection) as Array<keyof TimelineSelection>) if (selection[key] === undefined) delete selection[key];
  try {
    return await buildSelectionTimeline(store, selection);
  } catch (err) {
    if (!(err instanceof SelectionError)) throw err;
    if (err.problem === 'story') throw new InputError(story ?? '', 'no such story (see `storyline stories`)');
    throw new UsageError(err.problem === 'date' ? `--${err.message}` : 'nothing selected: give --story, --query, --entity, --from or --to');
  }
}

/** The result without its per-item listing (printed summaries stay short). */
function without<T extends object, K extends keyof T>(result: T, key: K): Omit<T, K> {
  const { [key]: _omitted, ...rest } = result;
  return rest;
}

export async function main(argv: string[]): Promise<number> {
  let exitCode = EXIT_OK;
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0.
      return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`storyline: ${err.message}\n`);
      return EXIT_USAGE;
    }
    // A database error is never bad input, whichever command met it and however it was thrown.
    const storeError = storeErrorOf(err);
    if (storeError) {
      const next = storeError.retryable ? 'try again shortly' : 'fix the database, then run the command again';
      process.stderr.write(`storyline: ${storeError.message}\nstoryline: stopped; what was stored before stays stored (${next}; a re-run adds the rest without duplicates)\n`);
      return EXIT_STORE;
    }
    process.stderr.write(`storyline: ${(err as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
}
