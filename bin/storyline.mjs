#!/usr/bin/env -S node --max-semi-space-size=64
// Runs the TypeScript sources directly through tsx: no build step on the user's side.
// A larger young generation (64 MB semi-spaces) cuts garbage collection in parse-heavy extraction by
// about a third; the package scripts pass the same flag, and `npm run bench` reads it from this line.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`storyline stories | head`) ends output quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
