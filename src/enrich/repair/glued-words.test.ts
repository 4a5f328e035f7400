import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAlias, nameWordKind } from '../entities/gazetteer.js';
import { repairGluedWords } from './glued-words.js';

const repair = (text: string, language = 'en') => repairGluedWords(text, language, { kindOf: nameWordKind, isAlias });

test('splits a known name glued to the next word (the seeds: Putinwill, Shoigureceived, Kim Jong Ilfather)', () => {
  const { text, repairs } = repair('President Putinwill visit. Sergei Shoigureceived a reception. Kim Jong Ilfather of the leader died. Sergei Narishkinhead of the SVR.');
  assert.equal(text, 'President Putin will visit. Sergei Shoigu received a reception. Kim Jong Il father of the leader died. Sergei Narishkin head of the SVR.');
  assert.deepEqual(
    repairs.map((r) => r.original),
    ['Putinwill', 'Shoigureceived', 'Ilfather', 'Narishkinhead'],
  );
});

test('a name the article writes on its own elsewhere counts as a name', () => {
  assert.equal(repair('Zhelokhovtsev spoke first. Later Zhelokhovtsevsaid nothing.').text, 'Zhelokhovtsev spoke first. Later Zhelokhovtsev said nothing.');
});

test('real compounds, derived words and names stay whole', () => {
  for (const [text, language] of [
    ['Die Bundesregierung und die Merkelregierung beraten.', 'de'],
    ['Kimberly and Parisienne met in Chinatown. The town is nice.', 'en'],
    ['Putinism is a word; Putin is a man.', 'en'],
    ['Moskauer Gespräche in Moskau.', 'de'],
    // Seen wrongly split in real news before the heads were tightened:
    ['The White House said Jewish groups welcomed the Human Rights Delivery plan. House prices fell.', 'en'],
    ['Am Montag beginnt der Parteitag; Österreichweit gilt die Regel, sagte der Parteichef. Partei, Tag, Österreich.', 'de'],
    ['La Cultural Leonesa ganó. León es una ciudad.', 'es'],
  ] as const) {
    assert.equal(repair(text, language).text, text, text);
  }
});

test('offsets of the repairs point at the glued words', () => {
  const input = 'Yesterday Putinwill not come.';
  const { repairs } = repair(input);
  assert.equal(repairs.length, 1);
  assert.equal(input.slice(repairs[0]!.index, repairs[0]!.index + repairs[0]!.original.length), 'Putinwill');
});

test('never changes letters, only adds spaces, on arbitrary text', () => {
  const pieces = ['Putin', 'will', 'Kim', 'Jong', 'Il', 'father', 'Moscow', 'the', ' ', '. ', 'Шойгу', 'và', 'Bình', 'x', '\n'];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < 300; i++) {
    const input = Array.from({ length: 12 }, () => pieces[Math.floor(next() * pieces.length)]).join(next() < 0.5 ? '' : ' ');
    const { text } = repair(input);
    assert.equal(text.replace(/ /g, ''), input.replace(/ /g, ''));
  }
});
