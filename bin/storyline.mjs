#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: no build step on the user's side.
import { register } from 'tsx/esm/api';

register();
// A closed pipe (`storyline stories | head`) ends output quietly.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
