import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { addDays, daysBetween, fromIso, isValidYmd, toIso, weekday } from './calendar.js';
import { findDates } from './find-dates.js';

test('calendar arithmetic round-trips through ISO strings', () => {
  assert.equal(toIso(addDays(fromIso('2024-02-28'), 2)), '2024-03-01');
  assert.equal(daysBetween(fromIso('2023-12-31'), fromIso('2024-01-01')), 1);
  assert.equal(weekday(fromIso('2024-06-18')), 2);
  assert.equal(isValidYmd(2023, 2, 29), false);
  assert.equal(isValidYmd(2024, 2, 29), true);
});

// Property: a seeded stream of random inputs never throws and every hit lies inside the input.
test('findDates survives random text (seeded fuzz)', () => {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  const alphabet = ' 0123456789/.-年月日June May Tuesday ngày tháng 2024 and, of\n';
  for (let i = 0; i < 2000; i++) {
    let s = '';
    const len = next() % 60;
    for (let j = 0; j < len; j++) s += alphabet[next() % alphabet.length];
    for (const lang of ['en', 'vi', 'zh']) {
      for (const f of findDates(s, { language: lang })) {
        assert.equal(s.slice(f.index, f.index + f.text.length), f.text);
      }
    }
  }
});

// Property: every valid day written as D/M/YYYY and read day-first comes back as itself.
test('numeric day-first dates round-trip for every day of a leap year', () => {
  for (let d = fromIso('2024-01-01'); d.y === 2024; d = addDays(d, 1)) {
    const [found] = findDates(`on ${d.d}/${d.m}/${d.y}`, { language: 'vi', numericOrder: 'dmy' });
    assert.ok(found && found.kind === 'full');
    assert.deepEqual([found.y, found.m, found.d], [d.y, d.m, d.d]);
  }
});
