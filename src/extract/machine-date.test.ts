import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { parseMachineDate } from './machine-date.js';

const start = (value: string, anyYear = false) => parseMachineDate(value, { anyYear })?.start ?? null;

test('a stated date may be any full ISO 8601 date or datetime, in any year', () => {
  const cases: Array<[string, string]> = [
    ['1066-10-14', '1066-10-14'],
    ['2999-01-01', '2999-01-01'],
    ['0800-12-25', '0800-12-25'],
    ['0004-02-29', '0004-02-29'],
    ['1066-10-14T09:00:00+01:00', '1066-10-14'],
    ['2024-06-18T23:30:00-05:00', '2024-06-18'],
    ['2024-06-18T13:12:00.123456Z', '2024-06-18'],
    ['2024-06-18 09:30:00', '2024-06-18'],
    ['20240618', '2024-06-18'],
    ['20240618T131200+0300', '2024-06-18'],
    ['2024-170', '2024-06-18'],
    ['2024-W25-2', '2024-06-18'],
    ['2020-W53-7', '2021-01-03'],
    ['+002024-06-18', '2024-06-18'],
    ['2024-06', '2024-06-01'],
    ['2024', '2024-01-01'],
  ];
  for (const [value, expected] of cases) assert.equal(start(value, true), expected, value);
  assert.deepEqual(parseMachineDate('0000-02', { anyYear: true }), { start: '0000-02-01', end: '0000-02-29', precision: 'month' });
});

test('what is not a date stays refused', () => {
  for (const value of ['yesterday', '2024-02-30', '1900-02-29', '2024-13-01', '2024-06-18T25:00', '2024-06-18T12:60', '2021-W53-1', '2023-366', '202406', '2024-06-18 UTC', '10000-01-01', '-0044-03-15']) {
    assert.equal(start(value, true), null, value);
  }
});

test('a date read from page metadata is believed only between 1800 and 2100 (placeholders such as 0001-01-01)', () => {
  assert.equal(start('0001-01-01'), null);
  assert.equal(start('9999-12-31'), null);
  assert.equal(start('1066-10-14'), null);
  assert.equal(start('2024-06-18T13:12:00+03:00'), '2024-06-18');
});
