import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../lib/data-files.js';
import { caseStemKeys, nameKey } from './name-key.js';

const key = (s: string) => nameKey(foldText(s));

test('romanisations and scripts of one name share a key', () => {
  for (const group of [
    ['Naryshkin', 'Narishkin', 'Нарышкин'],
    ['Sergei', 'Sergey', 'Сергей'],
    ['Yury', 'Yuri', 'Юрий'],
    ['Dmitry', 'Dmitri', 'Dmitriy', 'Дмитрий'],
    ['Shoigu', 'Shoygu', 'Шойгу'],
    ['Peskov', 'Песков'],
  ]) {
    assert.equal(new Set(group.map(key)).size, 1, group.join(' / '));
  }
});

test('different names keep different keys', () => {
  assert.notEqual(key('Lavrov'), key('Lavrova'));
  assert.notEqual(key('Kim'), key('Kin'));
  assert.notEqual(key('Putin'), key('Pudin'));
});

test('Cyrillic case endings come off only when enough of the word is left', () => {
  assert.ok(caseStemKeys(foldText('Пескова')).includes(key('Песков')));
  assert.ok(caseStemKeys(foldText('Путиным')).includes(key('Путин')));
  assert.deepEqual(caseStemKeys(foldText('Ира')), []);
  assert.deepEqual(caseStemKeys(foldText('Peskova')), []);
});
