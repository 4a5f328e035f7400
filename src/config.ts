// Settings declared once: each with its name, default, environment variable and unit. A command-line
// flag beats the environment, which beats the default; `storyline config` prints where each value
// came from. A malformed environment value is a usage error naming the variable, not a silent default.
import { UsageError } from './domain/index.js';

export type SettingUnit = 'path or URL' | 'path' | 'secret' | 'address' | 'port' | 'bytes' | 'count' | 'milliseconds' | 'URL' | 'host names';

interface SettingSpec<T> {
  env: string;
  default: T;
  unit: SettingUnit;
  description: string;
  parse(raw: string): T | null;
}

const MiB = 1024 * 1024;

const text = (raw: string) => (raw === '' ? null : raw);
const count = (max: number) => (raw: string) => (/^\d+$/.test(raw) && Number(raw) <= max ? Number(raw) : null);
const names = (raw: string) => {
  const list = raw.split(',').map((n) => n.trim()).filter(Boolean);
  return list.every((n) => /^[\w.\-:[\]]+$/.test(n)) ? list : null;
};
const positive = (raw: string) => (/^[1-9]\d*$/.test(raw) && Number.isSafeInteger(Number(raw)) ? Number(raw) : null);

export const SETTINGS = {
  db: { env: 'STORYLINE_DB', default: './storyline.db', unit: 'path or URL', description: 'SQLite database file, or postgres://user:password@host/database (every command: --db)', parse: text } as SettingSpec<string>,
  token: { env: 'STORYLINE_TOKEN', default: null, unit: 'secret', description: 'bearer token every API call must send (serve: --token); none: the API is open on loopback only', parse: text } as SettingSpec<string | null>,
  host: { env: 'STORYLINE_HOST', default: '127.0.0.1', unit: 'address', description: 'address the server listens on (serve: --host); other than loopback only with a token', parse: text } as SettingSpec<string>,
  port: { env: 'STORYLINE_PORT', default: 8080, unit: 'port', description: 'port the server listens on, 0 picks a free one (serve, demo: --port)', parse: count(65_535) } as SettingSpec<number>,
  publicUrl: { env: 'STORYLINE_PUBLIC_URL', default: null, unit: 'URL', description: 'where users reach the server, e.g. behind a proxy (serve: --public-url): absolute links (Atom feeds) use it, and requests may name its host', parse: parsePublicUrl } as SettingSpec<string | null>,
  allowedHosts: { env: 'STORYLINE_ALLOWED_HOSTS', default: [], unit: 'host names', description: 'comma-separated host names requests may name besides loopback and the public URL\'s (serve: --allowed-host); others are 421', parse: names } as SettingSpec<string[]>,
  maxBodyBytes: { env: 'STORYLINE_MAX_BODY_BYTES', default: 5 * MiB, unit: 'bytes', description: 'largest request body the API accepts (POST /api/articles)', parse: positive } as SettingSpec<number>,
  maxTextFileBytes: { env: 'STORYLINE_MAX_TEXT_FILE_BYTES', default: 64 * MiB, unit: 'bytes', description: 'a .txt file (one article) bigger than this is refused rather than read into memory', parse: positive } as SettingSpec<number>,
  maxJsonlLineBytes: { env: 'STORYLINE_MAX_JSONL_LINE_BYTES', default: 32 * MiB, unit: 'bytes', description: 'one JSONL line (one article) longer than this is refused; JSONL files themselves have no limit', parse: positive } as SettingSpec<number>,
  analysisThreads: { env: 'STORYLINE_ANALYSIS_THREADS', default: 1, unit: 'count', description: 'threads that analyse posted articles (serve), apart from the one answering requests', parse: positive } as SettingSpec<number>,
  analysisMaxRequests: { env: 'STORYLINE_ANALYSIS_MAX_REQUESTS', default: 32, unit: 'count', description: 'posts analysed or waiting at once (serve); more are answered 503 with Retry-After', parse: positive } as SettingSpec<number>,
  analysisTimeoutMs: { env: 'STORYLINE_ANALYSIS_TIMEOUT_MS', default: 20_000, unit: 'milliseconds', description: 'longest analysis of one posted article (serve); a longer one is stopped and the article refused', parse: positive } as SettingSpec<number>,
  maxHtmlBytes: { env: 'STORYLINE_MAX_HTML_BYTES', default: 10 * MiB, unit: 'bytes', description: 'HTML beyond this is cut (with a warning) before parsing', parse: positive } as SettingSpec<number>,
  fetchDelayMs: { env: 'STORYLINE_FETCH_DELAY_MS', default: 1000, unit: 'milliseconds', description: 'least time between two requests to one host (ingest URL, watch); a robots.txt Crawl-delay may raise it', parse: count(3_600_000) } as SettingSpec<number>,
  fetchConcurrencyPerHost: { env: 'STORYLINE_FETCH_CONCURRENCY_PER_HOST', default: 2, unit: 'count', description: 'requests in flight to one host at most (1 or 2)', parse: (raw: string) => (raw === '1' || raw === '2' ? Number(raw) : null) } as SettingSpec<number>,
  fetchTimeoutMs: { env: 'STORYLINE_FETCH_TIMEOUT_MS', default: 30_000, unit: 'milliseconds', description: 'longest attempt to fetch one URL (connect, headers and body); retried on timeout', parse: positive } as SettingSpec<number>,
  fetchMaxBytes: { env: 'STORYLINE_FETCH_MAX_BYTES', default: 10 * MiB, unit: 'bytes', description: 'largest page, feed or sitemap fetched, after decompression (a WARC by URL: 256 MiB)', parse: positive } as SettingSpec<number>,
};

export type SettingName = keyof typeof SETTINGS;
type ValueOf<N extends SettingName> = (typeof SETTINGS)[N]['default'];

export interface ResolvedSetting {
  name: SettingName;
  value: unknown;
  source: 'flag' | 'env' | 'default';
  env: string;
  unit: SettingUnit;
  description: string;
}

/** Where the value comes from, and the value; `flag` when the command line gave one. */
export function resolveSetting<N extends SettingName>(name: N, flag?: ValueOf<N>): { value: ValueOf<N>; source: ResolvedSetting['source'] } {
  if (flag !== undefined) return { value: flag, source: 'flag' };
  const spec = SETTINGS[name] as SettingSpec<ValueOf<N>>;
  const raw = process.env[spec.env];
  if (raw === undefined || raw === '') return { value: spec.default, source: 'default' };
  const parsed = spec.parse(raw);
  if (parsed === null) throw new UsageError(`$${spec.env}: not a valid ${spec.unit} value: "${raw}"`);
  return { value: parsed, source: 'env' };
}

/** An http(s) URL without credentials, query or fragment, without its trailing slash; null otherwise. */
export function parsePublicUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.username || url.password || url.search || url.hash) return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** The value of a setting: the flag, else its environment variable, else its default. */
export function setting<N extends SettingName>(name: N, flag?: ValueOf<N>): ValueOf<N> {
  return resolveSetting(name, flag).value;
}

/** Every setting as it resolves now (secrets shown only as set or not). */
export function describeSettings(): ResolvedSetting[] {
  return (Object.keys(SETTINGS) as SettingName[]).map((name) => {
    const spec = SETTINGS[name];
    const { value, source } = resolveSetting(name);
    const shown = spec.unit === 'secret' ? (value === null ? '(not set)' : '(set)') : name === 'db' ? withoutPassword(String(value)) : value;
    return { name, value: shown, source, env: spec.env, unit: spec.unit, description: spec.description };
  });
}

/** A database URL as it may be printed: its password hidden (a file path is returned as it is). */
export function withoutPassword(db: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(db)) return db;
  try {
    const url = new URL(db);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return '(an unparsable URL)';
  }
}
