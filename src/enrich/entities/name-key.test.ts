import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldText } from '../../lib/data-files.js';
import { caseStemKeys, nameKey, variantKey } from './name-key.js';

const key = (s: string) => variantKey(nameKey(foldText(s)));

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

test('without the variant collapse, place names of different languages stay apart', () => {
  assert.notEqual(nameKey(foldText('Brazylia')), nameKey(foldText('Бразилиа')));
  assert.equal(nameKey(foldText('Путин')), 'putin');
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

test('a Persian spelling finds the Arabic one but not the reverse; joined prefixes and Korean particles come off', () => {
  assert.ok(caseStemKeys(foldText('البوسعیدی')).includes(nameKey(foldText('البوسعيدي'))));
  // Arabic "رئيسي" (main) is not Persian "رئیسی" (Raisi).
  assert.notEqual(nameKey(foldText('رئيسي')), nameKey(foldText('رئیسی')));
  assert.deepEqual(caseStemKeys(foldText('رئيسي')).filter((k) => k === nameKey(foldText('رئیسی'))), []);
  assert.ok(caseStemKeys(foldText('ومصر')).includes(nameKey(foldText('مصر'))));
  assert.ok(caseStemKeys(foldText('한국에서')).includes('한국'));
  assert.deepEqual(caseStemKeys(foldText('에서')), []);
});
