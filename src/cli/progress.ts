// Progress on stderr: a bar on a terminal, nothing otherwise; per-item errors always.
import { SingleBar, Presets } from 'cli-progress';
import type { IngestProgress } from '../pipeline/index.js';

export function progressReporter(enabled: boolean): IngestProgress & { finish(): void } {
  const interactive = enabled && process.stderr.isTTY === true && !process.env.CI;
  const bar = interactive ? new SingleBar({ stream: process.stderr, format: 'ingest [{bar}] {value}/{total} files', hideCursor: true }, Presets.shades_classic) : null;
  return {
    onStart: (total) => bar?.start(total, 0),
    onFile: (_file, done) => bar?.update(done),
    onError: (error) => {
      if (bar) process.stderr.write('\n');
      process.stderr.write(`error: ${error.origin}: ${error.reason}\n`);
    },
    onWarning: (origin, message) => {
      if (bar) process.stderr.write('\n');
      process.stderr.write(`warning: ${origin}: ${message}\n`);
    },
    finish: () => bar?.stop(),
  };
}
