// axe-core (a test-only dev dependency) run in a page. The app's Content-Security-Policy allows only
// its own scripts, so axe goes in through page.evaluate (the DevTools protocol), not a <script> tag.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './cli.js';

const AXE_SOURCE = join(REPO_ROOT, 'node_modules', 'axe-core', 'axe.min.js');
let source: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  /** Each failing node: its selector and axe's summary of what to fix. */
  nodes: string[];
}

/** The WCAG 2.x A and AA rules (colour contrast included) and axe's best practices, on the whole page. */
export async function runAxe(page: Page): Promise<{ violations: AxeViolation[]; passes: number }> {
  source ??= readFileSync(AXE_SOURCE, 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
    type AxeResults = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] }[]; passes: unknown[] };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ')}`) })),
    };
  });
}
