// `npm run build` (also run by `npm ci`/`npm install` through "prepare"): compiles src/ to dist/ and
// writes the language model as JSON beside it (src/lang/eld-model.ts says why). bin/storyline.mjs
// runs dist/ while it is newer than every file under src/, else the sources through tsx.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const { writeEldJson, ELD_JSON } = await import(join(root, 'dist', 'lang', 'eld-model.js'));
await writeEldJson(ELD_JSON);
// Written last: bin/storyline.mjs trusts dist/ only when this is newer than every source file.
writeFileSync(join(root, 'dist', '.build-stamp'), `${new Date().toISOString()}\n`);
