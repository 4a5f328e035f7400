// The build's JSON copy of eld's model must detect exactly as the package's own entry does.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { eld as packaged } from 'eld/medium';
import { eldFromJson, writeEldJson } from './eld-model.js';

const SAMPLES = [
  'The president arrived in Pyongyang on Wednesday for talks with the leader.',
  'Der Präsident traf am Mittwoch zu Gesprächen in der Hauptstadt ein.',
  'Tổng thống Nga đến Bình Nhưỡng vào thứ Tư để hội đàm.',
  'Президент прибыл в Пхеньян в среду для переговоров.',
  '普京周三抵达平壤进行会谈。',
  'El presidente llegó el miércoles para mantener conversaciones.',
];

test('the JSON copy of the language model detects exactly as the package entry', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eld-'));
  try {
    const file = join(dir, 'eld-medium.json');
    await writeEldJson(file);
    const copy = await eldFromJson(file);
    for (const text of SAMPLES) {
      const a = packaged.detect(text);
      const b = copy.detect(text);
      assert.equal(b.language, a.language, text);
      assert.deepEqual(b.getScores(), a.getScores(), text);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
