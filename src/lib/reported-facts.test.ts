import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { DateMention } from '../domain/index.js';
import { dateMention } from '../../test/helpers/articles.js';
import { reportedFacts } from './reported-facts.js';

const day = (start: string, extra: Partial<DateMention> = {}) => dateMention(start, '', extra);

test('figures meet across scripts and separators; dated days count, references and months do not', () => {
  const en = reportedFacts({ text: 'At least 12,500.5 km, 202 dead, 5 injured', dates: [day('2024-01-09'), day('2000-01-01', { reference: true }), day('2024-01-01', { precision: 'month' })] });
  const ar = reportedFacts({ text: 'لقي ٢٠٢ شخصا حتفهم على بعد 12.500,5 كم', dates: [day('2024-01-09')] });
  assert.deepEqual([...en].sort(), ['d:2024-01-09', 'n:125005', 'n:202']);
  assert.deepEqual([...ar].sort(), ['d:2024-01-09', 'n:125005', 'n:202']);
});
