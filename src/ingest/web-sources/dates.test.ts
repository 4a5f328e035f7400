import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toIsoDate } from './dates.js';

describe('toIsoDate', () => {
  it('reads RFC 822 dates, keeping the offset written', () => {
    assert.equal(toIsoDate('Tue, 05 Mar 2024 08:00:00 +0100'), '2024-03-05T08:00:00+01:00');
    assert.equal(toIsoDate('Sun, 3 Mar 2024 10:00:00 GMT'), '2024-03-03T10:00:00Z');
    assert.equal(toIsoDate('05 Mar 24 08:00 EST'), '2024-03-05T08:00:00-05:00');
    assert.equal(toIsoDate('Tuesday, 05 March 2024 08:00:00 PDT'), '2024-03-05T08:00:00-07:00');
    assert.equal(toIsoDate('5 Mar 2024'), '2024-03-05');
  });

  it('reads RFC 3339 and W3C-DTF dates at the precision written', () => {
    assert.equal(toIsoDate('2024-03-05T08:00:00+01:00'), '2024-03-05T08:00:00+01:00');
    assert.equal(toIsoDate('2024-03-05T08:00:00.123Z'), '2024-03-05T08:00:00Z');
    assert.equal(toIsoDate('2024-03-05 08:00:00'), '2024-03-05T08:00:00');
    assert.equal(toIsoDate('2024-03-05T08:00+0530'), '2024-03-05T08:00:00+05:30');
    assert.equal(toIsoDate('2024-03-05'), '2024-03-05');
    assert.equal(toIsoDate('2024-03'), '2024-03');
  });

  it('leaves out what is not a date or is impossible', () => {
    for (const bad of ['', 'sometime last week', '2024-02-30', '2024-13-01', '31 Feb 2024 10:00:00 GMT', '0001-01-01', '2024-03-05T25:00:00Z', 'Tue, 05 Foo 2024 08:00:00 GMT', undefined, null]) {
      assert.equal(toIsoDate(bad), undefined, String(bad));
    }
  });
});
