#!/usr/bin/env -S node --max-semi-space-size=64 --heap-growing-percent=50
// Runs the compiled dist/ (built by `npm ci` through "prepare", or `npm run build`) while it is newer
// than every source file, else the TypeScript sources directly through tsx: a checkout being edited
// never runs stale code, and an installed one starts without compiling (about 1 s less CPU).
// A larger young generation (64 MB semi-spaces) cuts garbage collection in parse-heavy extraction by
// about a third. The old generation grows by half its live size between full collections instead of
// V8's up to fourfold: a 10,000-article ingest peaked at 565 MB instead of 860, for about 5% of its
// time, and no limit is set that a large store could hit. The package scripts pass the same flags,
// and `npm run bench` reads them from this line.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

/** Newest modification time of the files under a folder (0 when it does not exist). */
function newest(dir) {
  let latest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    latest = Math.max(latest, e.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt() {
  try {
    return statSync(join(root, 'dist', '.build-stamp')).mtimeMs;
  } catch {
    return 0;
  }
}

// A closed pipe (`storyline stories | head`) ends output quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const fromDist = process.env.STORYLINE_FROM_SOURCE !== '1' && builtAt() > newest(join(root, 'src'));
let main;
if (fromDist) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
