// robots.txt, read once per origin for the fetcher's life and shared by concurrent requests. Rules
// for our product token (or '*') decide; Crawl-delay raises the host's gap between requests. A 4xx
// robots.txt means the site has none: everything is allowed. A 5xx, a 429 or a network failure means
// we cannot know, so the origin is treated as disallowed for this run, as Google does.
import { createRequire } from 'node:module';
import { FetchError } from './fetch-error.js';

// robots-parser is CommonJS exporting the function itself, while its typings declare it as an ES
// default export (which NodeNext would read as `.default`): load it as what it is.
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, contents: string) => Robot;

/** Fetches a robots.txt body (following redirects, through the host queue); throws FetchError. */
export type RobotsFetch = (robotsUrl: string) => Promise<Buffer>;

type Verdict = { kind: 'rules'; isAllowed: (url: string) => boolean } | { kind: 'unreachable'; reason: string };

export interface RobotsOptions {
  token: string;
  fetchRobots: RobotsFetch;
  /** Called with the host and the Crawl-delay in ms when robots.txt sets one for us. */
  onCrawlDelay: (host: string, delayMs: number) => void;
}

export class RobotsCache {
  private readonly verdicts = new Map<string, Promise<Verdict>>();

  constructor(private readonly options: RobotsOptions) {}

  /** Resolves when robots.txt lets us fetch `url`; otherwise throws FetchError 'robots'. */
  async check(url: URL): Promise<void> {
    let verdict = this.verdicts.get(url.origin);
    if (!verdict) {
      verdict = this.load(url);
      this.verdicts.set(url.origin, verdict);
    }
    const settled = await verdict;
    if (settled.kind === 'unreachable') {
      throw new FetchError(url.href, 'robots', `not fetched: ${settled.reason}; the site is treated as disallowed for this run`);
    }
    if (!settled.isAllowed(url.href)) {
      throw new FetchError(url.href, 'robots', `disallowed by ${url.origin}/robots.txt for ${this.options.token}`);
    }
  }

  private async load(url: URL): Promise<Verdict> {
    const robotsUrl = `${url.origin}/robots.txt`;
    let body: Buffer;
    try {
      body = await this.options.fetchRobots(robotsUrl);
    } catch (error) {
      if (error instanceof FetchError && error.code === 'http-status' && error.status !== undefined && error.status >= 400 && error.status < 500 && error.status !== 429) {
        return { kind: 'rules', isAllowed: () => true };
      }
      const reason = error instanceof Error ? error.message : String(error);
      return { kind: 'unreachable', reason: `robots.txt could not be read (${reason})` };
    }
    const robot = robotsParser(robotsUrl, body.toString('utf8'));
    const { token } = this.options;
    const delay = robot.getCrawlDelay(token);
    if (delay !== undefined && Number.isFinite(delay) && delay > 0) this.options.onCrawlDelay(url.hostname, delay * 1000);
    // undefined: the URL is not of this origin, which cannot happen here; not a reason to refuse.
    return { kind: 'rules', isAllowed: (href) => robot.isAllowed(href, token) !== false };
  }
}
