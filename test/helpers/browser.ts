// Debian's chromium driven by playwright-core. Absent chromium fails the test in CI (CI=true) and
// skips it elsewhere, with the command that installs it.
import { existsSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { tempDir } from './cli.js';

export const CHROMIUM = process.env.STORYLINE_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh browser profile, or null when the test was skipped for lack of chromium. */
export async function launchBrowser(t: TestContext): Promise<BrowserContext | null> {
  if (!existsSync(CHROMIUM)) {
    const message = `chromium not found at ${CHROMIUM}: install it with \`apt-get update -qq && apt-get install -y -qq chromium\` (.ci/run does)`;
    if (process.env.CI && process.env.CI !== '0' && process.env.CI !== 'false') throw new Error(message);
    t.skip(message);
    return null;
  }
  return chromium.launchPersistentContext(tempDir('storyline-chromium-'), { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1200, height: 900 } });
}

/**
 * Collects what a page should never show into the returned list: console errors (but those `expected`
 * says are the test's doing) and uncaught exceptions. A test asserts the list is empty at its end.
 */
export function collectPageErrors(page: Page, expected: (msg: ConsoleMessage) => boolean = () => false): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected(msg)) errors.push(`${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return errors;
}
