// The User-Agent every request carries, robots.txt included, so site owners can tell who we are and
// where to read about us. The version comes from package.json, read once; the relative path is the
// same from src/ingest/fetch (tsx) and dist/ingest/fetch (a build).
import { readFileSync } from 'node:fs';

function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../../../package.json', import.meta.url), 'utf8');
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string') return parsed.version;
  } catch {
    // An unusual install layout: the User-Agent still names the project, without a version.
  }
  return '0.0.0';
}

export const DEFAULT_USER_AGENT = `Storyline/${packageVersion()} (+https://github.com/storyline-news/storyline)`;

/** The product token robots.txt groups are matched against: "Storyline" for "Storyline/0.1.0 (...)". */
export function robotsToken(userAgent: string): string {
  return userAgent.split(/[/\s]/, 1)[0] || 'Storyline';
}
