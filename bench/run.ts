// `npm run bench`: quality and speed on the shared development samples, side by side with other
// tools' published outputs; writes bench/results/<date>.json and bench/results/latest.json.
// Timing lives here, never in tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { SpeedFigure } from './extraction-speed.js';
import type { AnalysisSpeedFigure } from './analysis-speed.js';
import { join, resolve } from 'node:path';
import { evalDates, evalExtraction, evalSegments, evalToolOutputs } from '../src/eval/index.js';
import { evalAnalysis, evalClustering, evalLanguageId, evalSimilarity, evalTimelines, readGroundTruth, scoreCorpus, scorePage } from '../src/eval/index.js';
import { gunzipSync } from 'node:zlib';
// @ts-expect-error: plain JavaScript, untyped
import { readabilityBody } from './readability-js.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DATA = resolve(ROOT, '..', 'shared', 'data');
const round = (x: number) => Math.round(x * 10000) / 10000;

function roundAll<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? round(v) : v])) as T;
}

/** The node flags on the CLI's shebang line, so the bench measures what users run. */
const CLI_NODE_FLAGS = (readFileSync(join(ROOT, 'bin', 'storyline.mjs'), 'utf8').split('\n')[0]!.match(/\bnode\s+(.*)$/)?.[1] ?? '').split(/\s+/).filter(Boolean);

/**
 * A speed script run in a fresh process so that the evaluations' heap does not weigh on it, pinned to
 * one core (taskset, where the machine has it) so that garbage collection on a second core does not
 * flatter the figure, and with the V8 flags the CLI runs with (bin/storyline.mjs).
 */
function pinnedSpeed<T>(script: string, ...scriptArgs: string[]): T & { pinned_to_one_core: boolean; node_flags: string[] } {
  const args = [...CLI_NODE_FLAGS, '--import', 'tsx', join(ROOT, 'bench', script), ...scriptArgs];
  const pinned = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
  const options = { encoding: 'utf8' as const, maxBuffer: 1 << 20 };
  const out = pinned ? execFileSync('taskset', ['-c', '0', process.execPath, ...args], options) : execFileSync(process.execPath, args, options);
  return { pinned_to_one_core: pinned, node_flags: CLI_NODE_FLAGS, ...(JSON.parse(out) as T) };
}

const scrapinghub = join(DATA, 'extraction', 'scrapinghub-dev');
const { perPage: _pages, ...extraction } = evalExtraction(scrapinghub);
const tools = Object.fromEntries(Object.entries(evalToolOutputs(scrapinghub)).map(([k, v]) => [k, roundAll(v)]));
// Readability.js run here on the same pages (the published outputs above came from elsewhere).
const truth = readGroundTruth(scrapinghub);
const readabilityHere = roundAll(
  scoreCorpus(
    Object.entries(truth).map(([id, gold]) =>
      scorePage((readabilityBody as (html: string) => string)(gunzipSync(readFileSync(join(scrapinghub, 'html', `${id}.html.gz`))).toString('utf8')), gold.articleBody),
    ),
  ),
);

/**
 * CPU time (user + system, start-up included) of a whole process run on one core: Storyline's
 * `eval extraction` through bin/storyline.mjs (dist/ when built) against Readability.js extracting the
 * same pages (bench/readability-js.mjs), each the median of three runs.
 */
function processCpuMs(args: string[]): number {
  const file = join(ROOT, 'bench', 'results', `.bench-cpu-${process.pid}.json`);
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    execFileSync(process.execPath, ['--import', join(ROOT, 'bench', 'report-cpu.mjs'), ...args], { env: { ...process.env, REPORT_CPU_FILE: file }, stdio: 'ignore' });
    runs.push((JSON.parse(readFileSync(file, 'utf8')) as { cpu_ms: number }).cpu_ms);
  }
  return runs.sort((a, b) => a - b)[1]!;
}
const extractionCpu = {
  storyline_eval_extraction_ms: processCpuMs([...CLI_NODE_FLAGS, join(ROOT, 'bin', 'storyline.mjs'), 'eval', 'extraction', scrapinghub]),
  readability_js_ms: processCpuMs([join(ROOT, 'bench', 'readability-js.mjs'), scrapinghub]),
};
const segments = evalSegments(join(DATA, 'extraction', 'trafilatura-dev'));
const { perPage: _dates, ...dates } = evalDates(join(DATA, 'dates-dev'));
// The date threshold is chosen on that sample: its held-out figure comes from bench/fit-dates.ts.
const datesCrossValidated = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'fit-dates.ts')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const speed = pinnedSpeed<{ typical_50_to_150_kb: SpeedFigure; all_pages: SpeedFigure; readability_js: { typical_50_to_150_kb: SpeedFigure; all_pages: SpeedFigure } }>('extraction-speed.ts');
const ingest = pinnedSpeed<{ articles: number; seconds: number; articles_per_second: number; startup_ms: number; peak_rss_mb: number }>('ingest-speed.ts');

// Analysis: language identification, entities and dates on the hand-labelled fixtures
// (test/fixtures/analysis), and analysis speed measured like extraction speed (pinnedSpeed).
const ANALYSIS_FIXTURES = join(ROOT, 'test', 'fixtures', 'analysis');

const { per_language: languageIdPerLanguage, per_kind: languageIdPerKind, confusions: languageIdConfusions, ...languageId } = evalLanguageId(
  join(ANALYSIS_FIXTURES, 'language-id.jsonl'),
);
const { per_article: _analysisArticles, per_language: analysisPerLanguage, ...analysis } = evalAnalysis(join(ANALYSIS_FIXTURES, 'multilingual.jsonl'));
const analysisSpeedFigure = pinnedSpeed<{ typical_5_kb: AnalysisSpeedFigure }>('analysis-speed.ts');

// Stories: clustering on the multilingual fixture stories, pair similarity on the SemEval sample, and
// the scaling run (1k, 10k, 100k synthetic articles, each in a fresh process pinned to one core; BENCH_SCALE_MAX caps it).
const { per_article: _clusterArticles, ...clustering } = await evalClustering(join(ROOT, 'test', 'fixtures', 'clustering', 'stories.jsonl'));
const { per_pair: _pairs, ...similarity } = evalSimilarity(join(DATA, 'clustering', 'semeval2022-task8-pairs-dev', 'pairs.jsonl'));
// The real samples: the shipped model on each whole sample (it was fitted on them: in-sample), and the
// cross-validated figures, each from folds the fit did not see (bench/fit-same-story.ts).
const realClustering = async (name: string) => {
  const { per_article: _articles, ...r } = await evalClustering(join(DATA, 'clustering', name, 'items.jsonl'));
  return r;
};
const givemeEvents = await realClustering('giveme5w1h-events-dev');
const crisisTopics = await realClustering('ml-crisis-topics-dev');
const { per_pair: _deEnPairs, ...similarityDeEn } = evalSimilarity(join(DATA, 'clustering', 'semeval2022-task8-crosslingual-dev', 'pairs.jsonl'));
const crossValidated = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'fit-same-story.ts')], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] })).held_out;
// Topic timelines on the Timeline17 dev sample: the shipped date weights on every topic (fitted on them:
// in-sample), the busiest-days baseline beside, and the leave-one-topic-out figures (bench/fit-timeline.ts).
const timelines = await evalTimelines(join(DATA, 'timelines', 't17-dev'));
const timelinesCrossValidated = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'fit-timeline.ts')], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'ignore'] })).held_out;
const scaleMax = Number(process.env.BENCH_SCALE_MAX ?? 100_000);
const scaling = [1_000, 10_000, 100_000]
  .filter((n) => n <= scaleMax)
  .map((n) => pinnedSpeed<Record<string, number>>('cluster-scaling.ts', String(n)));

// The HTTP server under a bounded loopback load (bench/load.ts: 20 clients, 60 s, reads and posts).
const httpLoad = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', 'load.ts')], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }).trim().split('\n').at(-1)!);

// Live news: the fetcher against a local site (politeness-bound vs unthrottled) and WARC reading on a
// generated 10,000-page crawl (bench/fetch-throughput.ts, bench/warc-throughput.ts).
const lastJson = (script: string) => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script)], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] }));
const fetchThroughput = lastJson('fetch-throughput.ts');
const warcThroughput = lastJson('warc-throughput.ts');

const results = {
  date: new Date().toISOString(),
  node: process.version,
  quality: {
    extraction_scrapinghub_dev: roundAll(extraction),
    extraction_scrapinghub_dev_other_tools: { ...tools, readability_js_run_here: readabilityHere },
    extraction_trafilatura_dev: roundAll(segments),
    dates_dev: roundAll(dates),
    dates_dev_cross_validated: datesCrossValidated.held_out,
    language_id: { ...roundAll(languageId), per_kind: languageIdPerKind, per_language: languageIdPerLanguage, confusions: languageIdConfusions },
    clustering_fixtures: clustering,
    similarity_pairs: similarity,
    clustering_real_in_sample: { giveme5w1h_events_dev: givemeEvents, ml_crisis_topics_dev: crisisTopics, semeval_de_en_dev: similarityDeEn },
    clustering_real_cross_validated: crossValidated,
    timelines_t17_dev_in_sample: timelines,
    timelines_t17_dev_cross_validated: timelinesCrossValidated,
    analysis_fixtures: {
      ...roundAll(analysis),
      per_language: Object.fromEntries(Object.entries(analysisPerLanguage).map(([k, v]) => [k, roundAll(v)])),
    },
  },
  speed: { html_extraction: speed, extraction_process_cpu: extractionCpu, ingest_text_end_to_end: ingest, analysis: analysisSpeedFigure, clustering_scaling: scaling, http_load: httpLoad, fetch: fetchThroughput, warc: warcThroughput },
  peak_rss_mb: round(process.resourceUsage().maxRSS / 1024),
};

const outDir = join(ROOT, 'bench', 'results');
mkdirSync(outDir, { recursive: true });
const json = `${JSON.stringify(results, null, 2)}\n`;
writeFileSync(join(outDir, `${results.date.slice(0, 19).replace(/:/g, '')}.json`), json);
writeFileSync(join(outDir, 'latest.json'), json);

const row = (name: string, s: { f1: number; precision: number; recall: number }) =>
  `  ${name.padEnd(22)} F1 ${s.f1.toFixed(3)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}`;
console.log('Article extraction (scrapinghub dev sample, 40 pages):');
console.log(row('storyline', extraction) + `  empty ${extraction.empty}`);
for (const [name, s] of Object.entries({ ...tools, readability_js_run_here: readabilityHere }).sort((a, b) => b[1].f1 - a[1].f1)) console.log(row(name, s));
console.log('Main text segments (trafilatura dev sample, 60 pages):');
console.log(row('storyline', segments));
console.log('Publication dates (htmldate dev sample, 30 pages):');
console.log(`  storyline              accuracy ${dates.accuracy.toFixed(3)}  P ${dates.precision.toFixed(3)}  R ${dates.recall.toFixed(3)}`);
console.log(`  held out (5 folds)     accuracy ${datesCrossValidated.held_out.accuracy.toFixed(3)}  P ${datesCrossValidated.held_out.precision.toFixed(3)}  (threshold fitted on the other folds)`);
const typical = speed.typical_50_to_150_kb;
const readabilitySpeed = speed.readability_js;
console.log(`Speed (${speed.pinned_to_one_core ? 'pinned to one core' : 'one process'}): HTML extraction ${typical.pages_per_second} pages/s on ${typical.pages} typical pages (mean ${typical.mean_kb} KB), ${speed.all_pages.pages_per_second} pages/s on all ${speed.all_pages.pages} (mean ${speed.all_pages.mean_kb} KB); ingest ${ingest.articles_per_second} articles/s end to end on ${ingest.articles} real articles (after a start of ${ingest.startup_ms} ms)`);
console.log(`  Readability.js here: ${readabilitySpeed.typical_50_to_150_kb.pages_per_second} pages/s typical, ${readabilitySpeed.all_pages.pages_per_second} all (Storyline ${(typical.pages_per_second / readabilitySpeed.typical_50_to_150_kb.pages_per_second).toFixed(1)}x, ${(speed.all_pages.pages_per_second / readabilitySpeed.all_pages.pages_per_second).toFixed(1)}x)`);
console.log(`  whole process on the 40 pages, CPU: storyline eval extraction ${extractionCpu.storyline_eval_extraction_ms} ms, Readability.js ${extractionCpu.readability_js_ms} ms (ratio ${(extractionCpu.storyline_eval_extraction_ms / extractionCpu.readability_js_ms).toFixed(2)})`);
const worstLanguages = Object.entries(languageIdPerLanguage)
  .filter(([, v]) => v.correct < v.items)
  .sort((a, b) => a[1].correct / a[1].items - b[1].correct / b[1].items)
  .map(([k, v]) => `${k} ${v.correct}/${v.items}`);
const analysisTypical = analysisSpeedFigure.typical_5_kb;
console.log(`Analysis (hand-labelled fixtures: ${languageId.items} language-ID texts in ${Object.keys(languageIdPerLanguage).length} languages, ${analysis.articles} articles in ${Object.keys(analysisPerLanguage).length} languages):`);
console.log(`  language ID            accuracy ${languageId.accuracy.toFixed(3)}${worstLanguages.length ? `  wrong: ${worstLanguages.join(', ')}` : ''}`);
console.log(`  entities               F1 ${analysis.entity_f1.toFixed(3)}  P ${analysis.entity_precision.toFixed(3)}  R ${analysis.entity_recall.toFixed(3)}`);
console.log(`  dates                  accuracy ${analysis.date_accuracy.toFixed(3)}  P ${analysis.date_precision.toFixed(3)}`);
console.log(`  speed                  ${analysisTypical.articles_per_second} articles/s on ${analysisTypical.articles} typical articles (mean ${analysisTypical.mean_kb} KB), ${analysisSpeedFigure.pinned_to_one_core ? 'pinned to one core' : 'one process'}`);
console.log(`Stories (fixtures: ${clustering.articles} articles, ${clustering.clusters_gold} stories):`);
console.log(`  clustering             pairwise F1 ${clustering.pairwise_f1.toFixed(3)}  P ${clustering.pairwise_precision.toFixed(3)}  R ${clustering.pairwise_recall.toFixed(3)}  across languages F1 ${clustering.cross_language.f1.toFixed(3)}  B-cubed F1 ${clustering.bcubed_f1.toFixed(3)}`);
console.log(`  pair similarity        Pearson ${similarity.pearson.toFixed(3)} on ${similarity.pairs} SemEval pairs (same-story AUC ${similarity.same_story_auc.toFixed(3)}); plain TF-IDF ${similarity.baseline_tfidf.pearson.toFixed(3)}`);
console.log('Stories on real samples, held-out folds (cross-validated; Storyline vs TF-IDF single pass):');
const cv = crossValidated;
const clusterRow = (name: string, s: { storyline: Record<string, number>; baseline_single_pass: Record<string, number> }) =>
  `  ${name.padEnd(22)} pairwise F1 ${s.storyline.pairwise_f1!.toFixed(3)} vs ${s.baseline_single_pass.pairwise_f1!.toFixed(3)}  B-cubed F1 ${s.storyline.bcubed_f1!.toFixed(3)} vs ${s.baseline_single_pass.bcubed_f1!.toFixed(3)}  B-cubed P ${s.storyline.bcubed_precision!.toFixed(3)} vs ${s.baseline_single_pass.bcubed_precision!.toFixed(3)}  cross-language P ${s.storyline.cross_language_precision!.toFixed(3)} vs ${s.baseline_single_pass.cross_language_precision!.toFixed(3)}`;
console.log(clusterRow('giveme5w1h events', cv.giveme5w1h_events_dev));
console.log(clusterRow('ml-crisis topics', cv.ml_crisis_topics_dev));
console.log(`  semeval pairs          Pearson ${cv.semeval_pairs_dev.pearson.toFixed(3)} (TF-IDF ${similarity.baseline_tfidf.pearson.toFixed(3)}); German-English Pearson ${cv.semeval_de_en_dev.pearson.toFixed(3)} (TF-IDF ${similarityDeEn.baseline_tfidf.pearson.toFixed(3)}), AUC ${cv.semeval_de_en_dev.same_story_auc.toFixed(3)}`);
for (const s of scaling) console.log(`  scaling ${String(s.articles).padStart(7)}       ${s.articles_per_second} articles/s, ${s.ms_per_article_last_tenth} ms/article in the last tenth (originals ${s.ms_per_original_last_tenth}; ${s.copies} copies), peak RSS ${s.peak_rss_mb} MB`);
console.log('Topic timelines (Timeline17 dev sample, 4 topics): Date-F1 / ROUGE-1 F');
console.log(`  storyline in-sample    ${timelines.mean.storyline.date_f1.toFixed(3)} / ${timelines.mean.storyline.rouge1_f.toFixed(3)}; leave-one-topic-out held out ${timelinesCrossValidated.mean.date_f1.toFixed(3)} / ${timelinesCrossValidated.mean.rouge1_f.toFixed(3)}; busiest days ${timelines.mean.baseline_busiest_days.date_f1.toFixed(3)} / ${timelines.mean.baseline_busiest_days.rouge1_f.toFixed(3)}`);
console.log(`HTTP load (${httpLoad.clients} clients, ${httpLoad.seconds} s, loopback): ${httpLoad.requests} requests, ${httpLoad.errors} errors`);
for (const [name, e] of Object.entries(httpLoad.per_endpoint as Record<string, { requests: number; errors: number; p50_ms: number; p99_ms: number }>)) console.log(`  ${name.padEnd(32)} ${String(e.requests).padStart(6)} requests  p50 ${e.p50_ms} ms  p99 ${e.p99_ms} ms  errors ${e.errors}`);
console.log(`Fetching (local site): ${fetchThroughput.polite_default_one_host.pages_per_second} pages/s on one host and ${fetchThroughput.polite_default_eight_hosts.pages_per_second} on eight at the default politeness; ${fetchThroughput.no_delay_eight_hosts.pages_per_second} pages/s unthrottled; ingest of a feed ${fetchThroughput.ingest_feed_no_delay.pages_per_second} pages/s`);
console.log(`WARC (${warcThroughput.pages} pages, ${warcThroughput.warc_records} records): ${warcThroughput.read_warc_only.warc_records_per_second} records/s read, ${warcThroughput.read_warc_and_extract.warc_records_per_second} records/s read and extracted`);
console.log(`Peak RSS: ${results.peak_rss_mb} MB. Written to bench/results/latest.json`);
