import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { recognizeEntities } from './recognize.js';

const names = (text: string, lang = 'en') => recognizeEntities(text, lang).map((e) => e.name);

test('spellings and scripts map to one canonical entity', () => {
  const en = recognizeEntities('Kim Jong-un met Vladimir Putin. Later Kim Jong Un and Putin spoke in Pyongyang.', 'en');
  const kim = en.find((e) => e.name === 'Kim Jong Un')!;
  assert.equal(kim.mentions, 2);
  assert.deepEqual(kim.aliases, ['Kim Jong-un']);
  assert.equal(en.find((e) => e.name === 'Vladimir Putin')!.mentions, 2);
  assert.deepEqual(names('Tổng thống Putin tới Bình Nhưỡng, thủ đô của Triều Tiên.', 'vi').sort(), ['North Korea', 'Pyongyang', 'Vladimir Putin']);
  assert.deepEqual(names('Путин прилетел в Пхеньян, столицу КНДР.', 'ru').sort(), ['North Korea', 'Pyongyang', 'Vladimir Putin']);
  assert.deepEqual(names('普京抵达平壤。', 'zh').sort(), ['Pyongyang', 'Vladimir Putin']);
});

test('words glued to a full name by careless stripping still name the person', () => {
  const found = recognizeEntities('The Russian President, Vladimir Putinwill make his first visit.', 'en');
  const putin = found.find((e) => e.name === 'Vladimir Putin')!;
  assert.deepEqual(putin.aliases, []);
  assert.equal(putin.mentions, 1);
});

test('short aliases match only as written: "Us" and "My" opening a sentence are not countries', () => {
  assert.deepEqual(names('Us and them. My view is clear.'), []);
  assert.deepEqual(names('The US and the UN disagreed.').sort(), ['United Nations', 'United States']);
});

test('a name contained in a longer name is not matched twice', () => {
  assert.deepEqual(names('他飞往都柏林。', 'zh'), ['Dublin']);
});

test('names missing from the gazetteer are found by cue words and surnames count toward them', () => {
  const found = recognizeEntities(
    'According to Ivan Zhelokhovtsev, head of the First Asian Department, talks went well. Zhelokhovtsev said more.',
    'en',
  );
  const ivan = found.find((e) => e.name === 'Ivan Zhelokhovtsev')!;
  assert.equal(ivan.type, 'person');
  assert.equal(ivan.mentions, 2);
  assert.equal(found.find((e) => e.name === 'First Asian Department')?.type, 'organization');
});

test('a role written before a full name, met again alone, counts toward that person', () => {
  const en = recognizeEntities('Russian President Vladimir Putin arrived. Later the Russian President said that Kremlin spokesman Dmitry Peskov was right. The Kremlin spokesman added more.', 'en');
  const putin = en.find((e) => e.name === 'Vladimir Putin')!;
  const peskov = en.find((e) => e.name === 'Dmitry Peskov')!;
  assert.equal(putin.mentions, 2);
  assert.ok(putin.aliases.includes('Russian President'));
  assert.equal(peskov.mentions, 2);
  const vi = recognizeEntities('Ngoại trưởng Nga Sergei Lavrov đã có chuyến thăm. Ngoại trưởng Nga khẳng định quan hệ tốt.', 'vi');
  assert.equal(vi.find((e) => e.name === 'Sergei Lavrov')?.mentions, 2);
});

test('a role shared by two people in the article names neither', () => {
  const found = recognizeEntities('President Joe Biden met President Vladimir Putin. Then the President left.', 'en');
  assert.equal(found.find((e) => e.name === 'Joe Biden')?.mentions, 1);
  assert.equal(found.find((e) => e.name === 'Vladimir Putin')?.mentions, 1);
});

test('names the gazetteer lacks are found by cue words in Russian and Vietnamese too', () => {
  const ru = recognizeEntities('Иван Желоховцев сказал, что переговоры продолжатся.', 'ru');
  assert.ok(ru.some((e) => e.name === 'Иван Желоховцев' && e.type === 'person'));
  const vi = recognizeEntities('Ông Nguyễn Văn An cho biết đây là tin tốt.', 'vi');
  assert.ok(vi.some((e) => e.name === 'Nguyễn Văn An' && e.type === 'person'));
});

test('inflected and affixed forms find the entity: Russian and Ukrainian cases, Arabic joined و, Korean particles, Hindi vowel signs', () => {
  assert.deepEqual(names('Станция стартовала с космодрома Восточный в Амурской области.', 'ru').sort(), ['Amur Oblast', 'Vostochny Cosmodrome']);
  assert.ok(names('Переговоры России и Украины продолжатся.', 'ru').includes('Ukraine'));
  assert.ok(names('وصل الوفد إلى القاهرة والرياض وتركيا.', 'ar').includes('Turkey'));
  assert.ok(names('대표단은 서울에서 회의를 열었다.', 'ko').includes('Seoul'));
  assert.ok(names('भारत ने दक्षिण अफ्रीका के साथ समझौता किया।', 'hi').includes('South Africa'));
  // A vowel sign is part of the word: "चुनाव" (election) is not China.
  assert.deepEqual(names('चुनाव के नतीजे आज आएंगे।', 'hi'), []);
});

test('one-letter parts of dotted abbreviations do not glue onto the next word', () => {
  assert.deepEqual(names('A powerful storm hit the coast.'), []);
  assert.deepEqual(names("L'Agence spatiale a confirmé.", 'fr').filter((n) => n === 'Los Angeles'), []);
});
