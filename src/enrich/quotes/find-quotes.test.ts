import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { EntityMention } from '../../domain/index.js';
import { findQuotes, type Quote } from './index.js';

const person = (name: string, ...aliases: string[]): EntityMention => ({ name, type: 'person', aliases, mentions: 1 });
const org = (name: string, ...aliases: string[]): EntityMention => ({ name, type: 'organization', aliases, mentions: 1 });

const ENTITIES: EntityMention[] = [
  person('Dmitry Peskov', 'Peskov', 'Песков', 'Дмитрий Песков', 'ペスコフ', '佩斯科夫', '페스코프', 'بيسكوف'),
  person('Yuri Ushakov', 'Ushakov', 'Ушаков'),
  person('Sergei Lavrov', 'Lavrov', 'Лавров'),
  person('Vladimir Putin', 'Putin', 'Путин', '普京', 'プーチン', '푸틴', 'Poutine'),
  person('Kim Jong Un', 'Kim Jong-un', 'Kim'),
  person('Olaf Scholz', 'Scholz'),
  person('Emmanuel Macron', 'Macron'),
  person('Pedro Sánchez', 'Sánchez'),
  person('Giorgia Meloni', 'Meloni'),
  person('Mark Rutte', 'Rutte'),
  person('Luiz Inácio Lula da Silva', 'Lula'),
  person('Prabowo Subianto', 'Prabowo'),
  person('Recep Tayyip Erdoğan', 'Erdoğan'),
  person('Donald Tusk', 'Tusk'),
  person('Volodymyr Zelensky', 'Зеленський'),
  person('Sergei Naryshkin', 'Naryshkin', 'Narishkin'),
  org('Kremlin'),
  org('Reuters'),
  { name: 'Moscow', type: 'place', aliases: ['Москва'], mentions: 2 },
];

/** findQuotes plus the invariants every result must satisfy. */
function quotes(text: string, language: string, entities = ENTITIES): Quote[] {
  const found = findQuotes(text, language, entities);
  for (const q of found) {
    assert.equal(text.slice(q.start, q.end), q.text, `offsets of ${JSON.stringify(q)}`);
    assert.ok(q.text.trim().length > 0 && q.speakerText.length > 0);
    assert.ok(q.speaker !== null || /^\p{Lu}/u.test(q.speakerText), `unknown speaker must be a capitalised name: ${q.speakerText}`);
  }
  return found;
}

/** [speaker, speakerText, kind, text] of each quote, for compact assertions. */
const brief = (text: string, language: string, entities = ENTITIES) =>
  quotes(text, language, entities).map((q) => [q.speaker, q.speakerText, q.kind, q.text]);

test('direct quote, speaker after the quote', () => {
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said.', 'en'), [['Dmitry Peskov', 'Peskov', 'direct', 'The visit is being prepared']]);
  assert.deepEqual(brief('"We have nothing to add at this point," said Kremlin spokesman Dmitry Peskov.', 'en'), [
    ['Dmitry Peskov', 'Kremlin spokesman Dmitry Peskov', 'direct', 'We have nothing to add at this point'],
  ]);
  assert.deepEqual(brief('«Визит готовится», — сказал Песков.', 'ru'), [['Dmitry Peskov', 'Песков', 'direct', 'Визит готовится']]);
  assert.deepEqual(brief('„Wir stehen fest an der Seite der Ukraine“, sagte Scholz.', 'de'), [
    ['Olaf Scholz', 'Scholz', 'direct', 'Wir stehen fest an der Seite der Ukraine'],
  ]);
  assert.deepEqual(brief('„Wir müssen jetzt handeln und helfen“, so Scholz.', 'de'), [['Olaf Scholz', 'Scholz', 'direct', 'Wir müssen jetzt handeln und helfen']]);
  assert.deepEqual(brief('« Nous devons agir ensemble maintenant », a déclaré Macron.', 'fr'), [
    ['Emmanuel Macron', 'Macron', 'direct', 'Nous devons agir ensemble maintenant'],
  ]);
  assert.deepEqual(brief('"Chuyến thăm đang được chuẩn bị", ông Lavrov nói.', 'vi'), [['Sergei Lavrov', 'ông Lavrov', 'direct', 'Chuyến thăm đang được chuẩn bị']]);
  assert.deepEqual(brief('"Dobbiamo agire insieme adesso", ha detto Meloni.', 'it'), [['Giorgia Meloni', 'Meloni', 'direct', 'Dobbiamo agire insieme adesso']]);
  assert.deepEqual(brief('"We moeten nu samen optreden", zei Rutte.', 'nl'), [['Mark Rutte', 'Rutte', 'direct', 'We moeten nu samen optreden']]);
  assert.deepEqual(brief('"Vamos trabalhar juntos pela paz", disse Lula.', 'pt'), [['Luiz Inácio Lula da Silva', 'Lula', 'direct', 'Vamos trabalhar juntos pela paz']]);
  assert.deepEqual(brief('"Kita harus bekerja sama sekarang," kata Prabowo.', 'id'), [['Prabowo Subianto', 'Prabowo', 'direct', 'Kita harus bekerja sama sekarang']]);
  assert.deepEqual(brief('„Porozumienie zostanie podpisane wkrótce” – powiedział Tusk.', 'pl'), [
    ['Donald Tusk', 'Tusk', 'direct', 'Porozumienie zostanie podpisane wkrótce'],
  ]);
  assert.deepEqual(brief('“访问正在认真筹备之中，”普京说。', 'zh'), [['Vladimir Putin', '普京', 'direct', '访问正在认真筹备之中']]);
  assert.deepEqual(brief('"الزيارة يجري التحضير لها بعناية"، قال بيسكوف.', 'ar'), [['Dmitry Peskov', 'بيسكوف', 'direct', 'الزيارة يجري التحضير لها بعناية']]);
  // British single quotes, and the apostrophe inside them is not a closing mark.
  assert.deepEqual(brief('‘Russia’s position has not changed,’ Lavrov said.', 'en'), [['Sergei Lavrov', 'Lavrov', 'direct', 'Russia’s position has not changed']]);
});

test('direct quote, speaker before the quote', () => {
  assert.deepEqual(brief('Peskov said: "The visit is being prepared carefully."', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'direct', 'The visit is being prepared carefully.'],
  ]);
  assert.deepEqual(brief('Peskov told reporters: “The visit is being prepared.”', 'en'), [['Dmitry Peskov', 'Peskov', 'direct', 'The visit is being prepared.']]);
  assert.deepEqual(brief('Ông Lavrov cho biết: "Chuyến thăm đang được chuẩn bị."', 'vi'), [
    ['Sergei Lavrov', 'Ông Lavrov', 'direct', 'Chuyến thăm đang được chuẩn bị.'],
  ]);
  assert.deepEqual(brief('Песков заявил: «Визит тщательно готовится».', 'ru'), [['Dmitry Peskov', 'Песков', 'direct', 'Визит тщательно готовится']]);
  assert.deepEqual(brief('普京表示：“访问正在认真筹备之中。”', 'zh'), [['Vladimir Putin', '普京', 'direct', '访问正在认真筹备之中。']]);
  assert.deepEqual(brief('وقال بيسكوف: "الزيارة يجري التحضير لها بعناية."', 'ar'), [['Dmitry Peskov', 'بيسكوف', 'direct', 'الزيارة يجري التحضير لها بعناية.']]);
});

test('speaker before the quote, verb after it (verb-final languages)', () => {
  assert.deepEqual(brief('プーチン大統領は「訪問の準備が進んでいる」と述べた。', 'ja'), [['Vladimir Putin', 'プーチン大統領', 'direct', '訪問の準備が進んでいる']]);
  assert.deepEqual(brief('「訪問の準備が進んでいる」とプーチン大統領は述べた。', 'ja'), [['Vladimir Putin', 'プーチン大統領', 'direct', '訪問の準備が進んでいる']]);
  assert.deepEqual(brief('푸틴 대통령은 "방문 준비가 잘 진행되고 있다"라고 말했다.', 'ko'), [['Vladimir Putin', '푸틴 대통령', 'direct', '방문 준비가 잘 진행되고 있다']]);
  assert.deepEqual(brief('Erdoğan, "Ziyaret yakında gerçekleşecek ve hazırız" dedi.', 'tr'), [
    ['Recep Tayyip Erdoğan', 'Erdoğan', 'direct', 'Ziyaret yakında gerçekleşecek ve hazırız'],
  ]);
});

test('reported speech: speaker, verb, clause', () => {
  assert.deepEqual(brief('Peskov said that the visit was being prepared.', 'en'), [['Dmitry Peskov', 'Peskov', 'reported', 'the visit was being prepared']]);
  assert.deepEqual(brief('Peskov said the visit was being prepared.', 'en'), [['Dmitry Peskov', 'Peskov', 'reported', 'the visit was being prepared']]);
  assert.deepEqual(brief('Ushakov said Moscow and Pyongyang are working on a new treaty.', 'en'), [
    ['Yuri Ushakov', 'Ushakov', 'reported', 'Moscow and Pyongyang are working on a new treaty'],
  ]);
  assert.deepEqual(brief('Peskov told reporters on Monday that the visit was being prepared.', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'reported', 'the visit was being prepared'],
  ]);
  assert.deepEqual(brief('Peskov, the Kremlin spokesman, said the visit was being prepared.', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'reported', 'the visit was being prepared'],
  ]);
  assert.deepEqual(brief('The Kremlin said the visit was being prepared.', 'en'), [['Kremlin', 'Kremlin', 'reported', 'the visit was being prepared']]);
  assert.deepEqual(brief('Песков заявил журналистам, что визит тщательно готовится.', 'ru'), [['Dmitry Peskov', 'Песков', 'reported', 'визит тщательно готовится']]);
  assert.deepEqual(brief('Ông Lavrov cho biết chuyến thăm đang được chuẩn bị.', 'vi'), [['Sergei Lavrov', 'Ông Lavrov', 'reported', 'chuyến thăm đang được chuẩn bị']]);
  assert.deepEqual(brief('Scholz sagte, dass die Lage sehr ernst sei.', 'de'), [['Olaf Scholz', 'Scholz', 'reported', 'die Lage sehr ernst sei']]);
  assert.deepEqual(brief('Prabowo mengatakan bahwa pemerintah akan membangun sekolah baru.', 'id'), [
    ['Prabowo Subianto', 'Prabowo', 'reported', 'pemerintah akan membangun sekolah baru'],
  ]);
  assert.deepEqual(brief('وقال بيسكوف إن الزيارة يجري التحضير لها بعناية.', 'ar'), [['Dmitry Peskov', 'بيسكوف', 'reported', 'الزيارة يجري التحضير لها بعناية']]);
  assert.deepEqual(brief('普京表示，访问正在认真筹备之中。', 'zh'), [['Vladimir Putin', '普京', 'reported', '访问正在认真筹备之中']]);
  assert.deepEqual(brief('プーチン大統領は、訪問の準備が順調に進んでいると述べた。', 'ja'), [['Vladimir Putin', 'プーチン大統領', 'reported', '訪問の準備が順調に進んでいる']]);
  assert.deepEqual(brief('푸틴 대통령은 방문 준비가 잘 진행되고 있다고 말했다.', 'ko'), [['Vladimir Putin', '푸틴 대통령', 'reported', '방문 준비가 잘 진행되고 있다']]);
  assert.deepEqual(brief('Peskov, ziyaretin çok yakında gerçekleşeceğini söyledi.', 'tr'), [['Dmitry Peskov', 'Peskov', 'reported', 'ziyaretin çok yakında gerçekleşeceğini']]);
});

test('reported speech: clause first, then the speaker', () => {
  assert.deepEqual(brief('Moscow and Pyongyang are working on a new treaty, Ushakov said.', 'en'), [
    ['Yuri Ushakov', 'Ushakov', 'reported', 'Moscow and Pyongyang are working on a new treaty'],
  ]);
  assert.deepEqual(brief('The visit is being prepared, said Peskov.', 'en'), [['Dmitry Peskov', 'Peskov', 'reported', 'The visit is being prepared']]);
  assert.deepEqual(brief('The visit is being prepared, Peskov told reporters on Monday.', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'reported', 'The visit is being prepared'],
  ]);
  assert.deepEqual(brief('Визит тщательно готовится, — сказал Песков.', 'ru'), [['Dmitry Peskov', 'Песков', 'reported', 'Визит тщательно готовится']]);
  assert.deepEqual(brief('Chuyến thăm đang được chuẩn bị, ông Lavrov nói.', 'vi'), [['Sergei Lavrov', 'ông Lavrov', 'reported', 'Chuyến thăm đang được chuẩn bị']]);
  assert.deepEqual(brief('Die Lage ist sehr ernst, sagte Scholz.', 'de'), [['Olaf Scholz', 'Scholz', 'reported', 'Die Lage ist sehr ernst']]);
  assert.deepEqual(brief('The visit is being prepared, according to Reuters.', 'en'), [['Reuters', 'Reuters', 'reported', 'The visit is being prepared']]);
});

test('reported speech: "according to X" openers', () => {
  assert.deepEqual(brief('According to Ushakov, the talks will take place in Moscow.', 'en'), [
    ['Yuri Ushakov', 'Ushakov', 'reported', 'the talks will take place in Moscow'],
  ]);
  assert.deepEqual(brief('Theo ông Peskov, chuyến thăm đang được chuẩn bị kỹ lưỡng.', 'vi'), [
    ['Dmitry Peskov', 'ông Peskov', 'reported', 'chuyến thăm đang được chuẩn bị kỹ lưỡng'],
  ]);
  assert.deepEqual(brief('Selon Macron, la situation reste très préoccupante.', 'fr'), [
    ['Emmanuel Macron', 'Macron', 'reported', 'la situation reste très préoccupante'],
  ]);
  assert.deepEqual(brief('Laut Scholz ist die Lage sehr ernst.', 'de'), [['Olaf Scholz', 'Scholz', 'reported', 'ist die Lage sehr ernst']]);
  assert.deepEqual(brief('Según Sánchez, el acuerdo llegará muy pronto.', 'es'), [['Pedro Sánchez', 'Sánchez', 'reported', 'el acuerdo llegará muy pronto']]);
  assert.deepEqual(brief('Secondo Meloni, la situazione resta molto grave.', 'it'), [['Giorgia Meloni', 'Meloni', 'reported', 'la situazione resta molto grave']]);
  assert.deepEqual(brief('Volgens Rutte is de situatie zeer ernstig.', 'nl'), [['Mark Rutte', 'Rutte', 'reported', 'is de situatie zeer ernstig']]);
  assert.deepEqual(brief('Menurut Prabowo, pemerintah akan membangun sekolah baru.', 'id'), [
    ['Prabowo Subianto', 'Prabowo', 'reported', 'pemerintah akan membangun sekolah baru'],
  ]);
  assert.deepEqual(brief('Peskov’a göre, ziyaret çok yakında gerçekleşecek.', 'tr'), [['Dmitry Peskov', 'Peskov’a', 'reported', 'ziyaret çok yakında gerçekleşecek']]);
  assert.deepEqual(brief('ペスコフ報道官によると、訪問の準備が進んでいるという。', 'ja'), [['Dmitry Peskov', 'ペスコフ報道官', 'reported', '訪問の準備が進んでいるという']]);
  assert.deepEqual(brief('据佩斯科夫称，访问正在认真筹备之中。', 'zh'), [['Dmitry Peskov', '佩斯科夫', 'reported', '访问正在认真筹备之中']]);
  assert.deepEqual(brief('بحسب بيسكوف، الزيارة يجري التحضير لها بعناية.', 'ar'), [['Dmitry Peskov', 'بيسكوف', 'reported', 'الزيارة يجري التحضير لها بعناية']]);
});

test('inflected languages: a case ending still finds the entity by its stem', () => {
  assert.deepEqual(brief('По словам Пескова, визит тщательно готовится.', 'ru'), [['Dmitry Peskov', 'Пескова', 'reported', 'визит тщательно готовится']]);
  assert.deepEqual(brief('По словам пресс-секретаря президента Дмитрия Пескова, визит тщательно готовится.', 'ru'), [
    ['Dmitry Peskov', 'пресс-секретаря президента Дмитрия Пескова', 'reported', 'визит тщательно готовится'],
  ]);
  assert.deepEqual(brief('За словами Зеленського, ситуація на фронті складна.', 'uk'), [['Volodymyr Zelensky', 'Зеленського', 'reported', 'ситуація на фронті складна']]);
  assert.deepEqual(brief('Według Tuska, porozumienie zostanie podpisane wkrótce.', 'pl'), [['Donald Tusk', 'Tuska', 'reported', 'porozumienie zostanie podpisane wkrótce']]);
});

test('speaker resolution: surnames, accents and titles map to the canonical entity', () => {
  assert.equal(quotes('“The visit is being prepared,” PESKOV said.', 'en')[0]?.speaker, 'Dmitry Peskov');
  assert.equal(quotes('“El acuerdo llegará muy pronto”, dijo Sanchez.', 'es')[0]?.speaker, 'Pedro Sánchez');
  assert.equal(quotes('“It is a historic day for our nations,” said Russian President Vladimir Putin on Wednesday.', 'en')[0]?.speaker, 'Vladimir Putin');
  assert.equal(quotes('« Nous sommes prêts à discuter », a déclaré le président russe Vladimir Poutine.', 'fr')[0]?.speaker, 'Vladimir Putin');
  // A surname shared by two known people is ambiguous: no entity, but still a named speaker.
  const twoKims = [...ENTITIES, person('Kim Yo Jong', 'Kim Yo-jong', 'Kim')];
  assert.deepEqual(brief('“We will respond firmly to any provocation,” Kim said.', 'en', twoKims), [
    [null, 'Kim', 'direct', 'We will respond firmly to any provocation'],
  ]);
});

test('speaker resolution: a different given name is a different person', () => {
  assert.deepEqual(brief('Sergei Peskov said the visit was being prepared.', 'en'), [[null, 'Sergei Peskov', 'reported', 'the visit was being prepared']]);
});

test('speaker resolution: an unknown capitalised name is kept with speaker null', () => {
  assert.deepEqual(brief('“The visit is being prepared,” John Smith said.', 'en'), [[null, 'John Smith', 'direct', 'The visit is being prepared']]);
  assert.deepEqual(brief('"Putin needs shells and Kim needs money," said Andrei Lankov, a professor in Seoul.', 'en'), [
    [null, 'Andrei Lankov', 'direct', 'Putin needs shells and Kim needs money'],
  ]);
});

test('speaker resolution: a pronoun is the previous quote’s speaker', () => {
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said. “We expect results soon,” he added.', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'direct', 'The visit is being prepared'],
    ['Dmitry Peskov', 'he', 'direct', 'We expect results soon'],
  ]);
  // Across paragraphs too, and even with other people mentioned in between.
  const text = 'Peskov said the visit was being prepared.\n\nAnalysts doubted Putin would go. “The talks will be hard,” he said.';
  assert.deepEqual(brief(text, 'en').at(-1), ['Dmitry Peskov', 'he', 'direct', 'The talks will be hard']);
  assert.deepEqual(brief('„Das ist eine sehr ernste Lage“, sagte Scholz. „Wir müssen jetzt handeln“, sagte er.', 'de').at(-1), [
    'Olaf Scholz',
    'er',
    'direct',
    'Wir müssen jetzt handeln',
  ]);
  assert.deepEqual(brief('“Chuyến thăm đang được chuẩn bị,” ông Lavrov nói. Ông nói thêm rằng hai bên sẽ ký nhiều thỏa thuận.', 'vi').at(-1), [
    'Sergei Lavrov',
    'Ông',
    'reported',
    'hai bên sẽ ký nhiều thỏa thuận',
  ]);
});

test('speaker resolution: with no previous quote, a pronoun is the nearest person before it in the paragraph', () => {
  assert.deepEqual(brief('Putin arrived in Pyongyang on Wednesday. He said the visit was long overdue.', 'en'), [
    ['Vladimir Putin', 'He', 'reported', 'the visit was long overdue'],
  ]);
  // Names inside the quote itself do not count.
  assert.deepEqual(brief('Lavrov landed in Beijing. “Putin will come in May,” he said.', 'en'), [['Sergei Lavrov', 'he', 'direct', 'Putin will come in May']]);
  // Pro-drop: the verb alone carries the pronoun.
  assert.deepEqual(brief('Sánchez llegó a Bruselas. "Vamos a trabajar por la paz", dijo.', 'es'), [['Pedro Sánchez', 'dijo', 'direct', 'Vamos a trabajar por la paz']]);
  assert.deepEqual(brief('Macron est arrivé à Kyiv. « Nous devons agir ensemble maintenant », a-t-il déclaré.', 'fr'), [
    ['Emmanuel Macron', 'a-t-il déclaré', 'direct', 'Nous devons agir ensemble maintenant'],
  ]);
  // Unspaced scripts: the antecedent is found without word boundaries.
  assert.deepEqual(brief('普京抵达平壤。他表示，访问非常成功而且很有意义。', 'zh'), [['Vladimir Putin', '他', 'reported', '访问非常成功而且很有意义']]);
  assert.deepEqual(brief('プーチン大統領が平壌に到着した。彼は「訪問は非常に成功した」と語った。', 'ja'), [['Vladimir Putin', '彼', 'direct', '訪問は非常に成功した']]);
});

test('speaker resolution: a pronoun with no antecedent in its paragraph gives nothing', () => {
  assert.deepEqual(brief('Putin met Kim in Pyongyang.\n\n“We are very pleased with the results,” he said.', 'en'), []);
  assert.deepEqual(brief('„Das ist eine sehr ernste Lage“, sagte er.', 'de'), []);
});

test('places and roles without a name do not speak', () => {
  assert.deepEqual(brief('“We are ready for the talks,” the Kremlin spokesman said.', 'en'), []);
  assert.deepEqual(brief('“The visit is being prepared,” Moscow said.', 'en', ENTITIES.filter((e) => e.name === 'Moscow')), [
    [null, 'Moscow', 'direct', 'The visit is being prepared'],
  ]);
  assert.deepEqual(brief('«Визит тщательно готовится», — заявила Москва.', 'ru'), [[null, 'Москва', 'direct', 'Визит тщательно готовится']]);
});

test('negatives: scare quotes and titles are not quotes', () => {
  assert.deepEqual(brief('Russia rejected the so-called “peace plan” on Monday.', 'en'), []);
  assert.deepEqual(brief('She starred in “The Lord of the Rings” last year.', 'en'), []);
  assert.deepEqual(brief('Tolkien wrote “The Lord of the Rings” in the 1940s.', 'en'), []);
  assert.deepEqual(brief('Москва отвергла так называемый «мирный план».', 'ru'), []);
  // Two words are a quote only when they open the sentence; mid-sentence they are a scare quote, so only the reported clause remains.
  assert.deepEqual(brief('Kyiv rejected the so-called “peace plan”, Peskov said.', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'reported', 'Kyiv rejected the so-called “peace plan”'],
  ]);
});

test('negatives: a speech verb without a speaker gives nothing', () => {
  assert.deepEqual(brief('It was said that the visit would be postponed.', 'en'), []);
  assert.deepEqual(brief('Officials said the visit was being prepared.', 'en'), []);
  assert.deepEqual(brief('The report said the visit was being prepared.', 'en'), []);
  assert.deepEqual(brief('Putin and Kim said the visit was a success for both nations.', 'en'), []);
  assert.deepEqual(brief('Говорят, что визит готовится.', 'ru'), []);
  // A quote followed by another sentence's attribution is not that speaker's quote.
  assert.deepEqual(brief('“The visit is being prepared.” Ushakov added that talks would continue.', 'en'), [
    ['Yuri Ushakov', 'Ushakov', 'reported', 'talks would continue'],
  ]);
});

test('negatives: a quote never spans paragraphs', () => {
  const text = '“The visit is being prepared\n\nand will happen very soon,” Peskov said.';
  for (const q of quotes(text, 'en')) assert.ok(!text.slice(q.start, q.end).includes('\n\n'));
  const opener = 'Peskov said: “The visit\n\nis being prepared.”';
  assert.deepEqual(brief(opener, 'en'), []);
});

test('glued text from careless HTML stripping does not crash, and a known name after the verb is the speaker', () => {
  const text = 'There will be results”he said Sergei Narishkinhead of the SVR';
  assert.deepEqual(brief(text, 'en'), [['Sergei Naryshkin', 'Sergei Narishkinhead', 'direct', 'There will be results']]);
  assert.doesNotThrow(() => quotes('“”"„“«»‹›「」『』‘’ said: “ ,” he said.', 'en'));
  assert.doesNotThrow(() => quotes('Peskov said:“The visit is prepared”Peskov said“The talks”', 'en'));
});

test('offsets point into the original text, across paragraphs and scripts', () => {
  const text = 'Intro line.\n\n“The visit is being prepared,” Peskov said.\n\nПо словам Пескова, визит тщательно готовится.';
  const [q] = quotes(text, 'en');
  assert.equal(q?.text, 'The visit is being prepared');
  assert.equal(q?.start, text.indexOf('The visit'));
  const ru = quotes(text, 'ru');
  assert.deepEqual(
    ru.map((x) => text.slice(x.start, x.end)),
    ['визит тщательно готовится'],
  );
});

test('the data file is versioned, sourced, and covers the required languages', () => {
  const data = JSON.parse(readFileSync(new URL('../../../data/quotes/speech.json', import.meta.url), 'utf8'));
  assert.equal(data.version, 1);
  assert.match(data.$note, /compiled by the Storyline developers/i);
  for (const code of ['en', 'vi', 'ru', 'uk', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'tr', 'id', 'zh', 'ja', 'ko', 'ar']) {
    assert.ok(data.languages[code]?.speechVerbs.length > 0, code);
  }
  const pairs = new Set(data.quotePairs.map((pair: string[]) => pair.join('')));
  for (const pair of ['“”', '„“', '«»', '‹›', '""', '「」', '『』', '‘’']) assert.ok(pairs.has(pair), pair);
});

test('unsupported languages and empty input give nothing', () => {
  assert.deepEqual(findQuotes('“The visit is being prepared,” Peskov said.', 'xx', ENTITIES), []);
  assert.deepEqual(findQuotes('', 'en', ENTITIES), []);
  assert.equal(findQuotes('“The visit is being prepared,” Peskov said.', 'en-GB', ENTITIES)[0]?.speaker, 'Dmitry Peskov');
});

test('property: random text never throws and yields in-bounds, non-empty quotes', () => {
  const pieces = [
    '“', '”', '„', '“', '«', '»', '‹', '›', '"', '「', '」', '『', '』', '‘', '’', ', ', '. ', ': ', ' — ', '!', '?', ' ', ' ', ' ', '\n', '\n\n',
    'said', 'says', 'told', 'according to', 'that', 'сказал', 'заявил', 'по словам', 'что', 'nói', 'cho biết', 'theo', 'rằng', 'sagte', 'laut',
    '表示', '说', 'と述べた', 'は', '말했다', 'قال', 'إن', 'dedi', 'Peskov', 'Пескова', 'Putin', '普京', 'プーチン', '푸틴', 'بيسكوف', 'he', 'ông',
    'он', 'the visit', 'визит', 'Kremlin spokesman', 'Mr.', 'U.S.', 'a', 'é', 'ж', '中', 'ア', '한', 'ب', 'ß', '3.5', '’s',
  ];
  const languages = ['en', 'vi', 'ru', 'uk', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'tr', 'id', 'zh', 'ja', 'ko', 'ar'];
  let seed = 20240619;
  const random = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let i = 0; i < 200; i++) {
    let text = '';
    for (let k = random(80); k > 0; k--) text += pieces[random(pieces.length)];
    const language = languages[i % languages.length]!;
    const found = findQuotes(text, language, ENTITIES);
    for (const q of found) {
      assert.ok(q.start >= 0 && q.end <= text.length && q.start < q.end, `bounds ${q.start}-${q.end} in ${JSON.stringify(text)}`);
      assert.equal(text.slice(q.start, q.end), q.text);
      assert.ok(q.text.trim().length > 0);
    }
  }
});
