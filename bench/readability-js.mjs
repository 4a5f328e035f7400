// Mozilla Readability.js on linkedom (the fastest DOM it runs on here, same output as on jsdom): the
// best-known JavaScript extractor, run on the same pages as Storyline so `npm run bench` can put the
// two side by side. Plain JavaScript, so its process pays no TypeScript start-up.
//   node bench/readability-js.mjs DIR   extracts every page of an extraction-benchmark folder
//                                       (html/<id>.html.gz + ground-truth.json), prints {id: body} JSON
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

/** The article text Readability finds on a page ('' when it finds none). */
export function readabilityBody(html) {
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  return article?.textContent?.trim() ?? '';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2];
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  const out = {};
  for (const id of Object.keys(truth)) {
    out[id] = readabilityBody(gunzipSync(readFileSync(join(dir, 'html', `${id}.html.gz`))).toString('utf8'));
  }
  process.stdout.write(JSON.stringify(out));
}
