// Precision cases seen on the seed pages: stray pronouns, capitalised adjectives, source openers, continued quotes.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { EntityMention } from '../../domain/index.js';
import { findQuotes } from './index.js';

const person = (name: string, ...aliases: string[]): EntityMention => ({ name, type: 'person', aliases, mentions: 1 });
const org = (name: string, ...aliases: string[]): EntityMention => ({ name, type: 'organization', aliases, mentions: 1 });

const ENTITIES: EntityMention[] = [
  person('Dmitry Peskov', 'Peskov', 'Песков'),
  person('Sergei Lavrov', 'Lavrov'),
  person('Vladimir Putin', 'Putin'),
  person('Kim Jong Un', 'North Korean leader'),
  org('Kremlin', 'the Kremlin'),
  org('TASS'),
  org('Korean Central News Agency', 'KCNA', 'Hãng thông tấn trung ương Triều Tiên'),
];

/** [speaker, speakerText, kind, text] of each quote; offsets must point at the quoted text. */
function brief(text: string, language: string, entities = ENTITIES) {
  const found = findQuotes(text, language, entities);
  for (const q of found) assert.equal(text.slice(q.start, q.end), q.text);
  return found.map((q) => [q.speaker, q.speakerText, q.kind, q.text]);
}

test('a pronoun in front of a known name is a stray article ("He Kremlin" from "El Kremlin")', () => {
  assert.deepEqual(brief('He Kremlin emphasized in a statement that Putin will pay a friendly state visit.', 'en'), [
    ['Kremlin', 'Kremlin', 'reported', 'Putin will pay a friendly state visit'],
  ]);
  // A name that starts like a pronoun stays whole, known or not.
  assert.deepEqual(brief('He Lifeng said the talks would be hard.', 'en', [...ENTITIES, person('He Lifeng')]), [
    ['He Lifeng', 'He Lifeng', 'reported', 'the talks would be hard'],
  ]);
  assert.deepEqual(brief('He Lifeng said the talks would be hard.', 'en'), [[null, 'He Lifeng', 'reported', 'the talks would be hard']]);
});

test('a capitalised adjective before a common noun is not a speaker', () => {
  assert.deepEqual(brief('According to the Western powers, Pyongyang transferred thousands of containers with weapons.', 'en'), []);
  assert.deepEqual(brief('According to a Western diplomat, the talks will take place in Moscow.', 'en'), []);
  assert.deepEqual(brief('According to North Korean state media, the talks will take place in Moscow.', 'en'), []);
  assert.deepEqual(brief('“The talks will be hard,” said Western diplomats.', 'en'), []);
  // A function word after the name keeps it.
  assert.deepEqual(brief('“The talks will be hard,” said John Smith of the university.', 'en'), [[null, 'John Smith', 'direct', 'The talks will be hard']]);
  assert.deepEqual(brief('“The talks will be hard,” said John Smith in a statement.', 'en'), [[null, 'John Smith', 'direct', 'The talks will be hard']]);
});

test('an "according to" opener names a source, not what the next speaker said', () => {
  assert.deepEqual(
    brief('Theo hãng tin TASS của Nga, ông Lavrov khẳng định, mối quan hệ giữa hai nước đã đạt tầm chiến lược mới.', 'vi'),
    [['Sergei Lavrov', 'ông Lavrov', 'reported', 'mối quan hệ giữa hai nước đã đạt tầm chiến lược mới']],
  );
  assert.deepEqual(brief('According to TASS, Lavrov said talks were hard.', 'en'), [['Sergei Lavrov', 'Lavrov', 'reported', 'talks were hard']]);
  assert.deepEqual(brief('According to TASS, Lavrov said the talks would be hard.', 'en'), [
    ['Sergei Lavrov', 'Lavrov', 'reported', 'the talks would be hard'],
  ]);
});

test('Vietnamese: a comma after the speech verb opens the reported clause', () => {
  assert.deepEqual(brief('Trong cuộc họp báo hôm qua, ông Lavrov khẳng định, mối quan hệ giữa hai nước rất tốt.', 'vi'), [
    ['Sergei Lavrov', 'ông Lavrov', 'reported', 'mối quan hệ giữa hai nước rất tốt'],
  ]);
  assert.deepEqual(brief('Hãng thông tấn trung ương Triều Tiên nhấn mạnh, sự hợp tác giữa hai nước sẽ phù hợp.', 'vi'), [
    ['Korean Central News Agency', 'Hãng thông tấn trung ương Triều Tiên', 'reported', 'sự hợp tác giữa hai nước sẽ phù hợp'],
  ]);
});

test('a role the article gives as an alias names its entity, and a later pronoun follows it', () => {
  assert.deepEqual(brief('The North Korean leader noted that the Soviet Union played an important role. He also stressed that ties run deep.', 'en'), [
    ['Kim Jong Un', 'North Korean leader', 'reported', 'the Soviet Union played an important role'],
    ['Kim Jong Un', 'He', 'reported', 'ties run deep'],
  ]);
});

test('continued quotes: a quoted sentence right after an attributed quote has the same speaker', () => {
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said. “We expect results soon.”', 'en'), [
    ['Dmitry Peskov', 'Peskov', 'direct', 'The visit is being prepared'],
    ['Dmitry Peskov', 'Peskov', 'direct', 'We expect results soon.'],
  ]);
  // A chain, a pronoun speaker and a short tail after the verb.
  assert.deepEqual(brief('Putin arrived. “The talks will be hard,” he told reporters on Monday. “We expect results.” “More will follow.”', 'en'), [
    ['Vladimir Putin', 'he', 'direct', 'The talks will be hard'],
    ['Vladimir Putin', 'he', 'direct', 'We expect results.'],
    ['Vladimir Putin', 'he', 'direct', 'More will follow.'],
  ]);
  assert.deepEqual(brief('Peskov said: “The visit is being prepared.” “We expect results soon.”', 'en').at(-1), [
    'Dmitry Peskov',
    'Peskov',
    'direct',
    'We expect results soon.',
  ]);
  assert.deepEqual(brief('«Визит тщательно готовится», — сказал Песков. — «Мы ждём результатов».', 'ru').at(-1), [
    'Dmitry Peskov',
    'Песков',
    'direct',
    'Мы ждём результатов',
  ]);
});

test('continued quotes: anything else in between, or an attribution of its own, ends the run', () => {
  const first = ['Dmitry Peskov', 'Peskov', 'direct', 'The visit is being prepared'];
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said. Lavrov disagreed. “We expect results soon.”', 'en'), [first]);
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said. “Wait and see!” the minister replied.', 'en'), [first]);
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said. “Peace plan” talks were rejected.', 'en'), [first]);
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said.\n\n“We expect results soon.”', 'en'), [first]);
  assert.deepEqual(brief('“The visit is being prepared,” Peskov said. “We expect results soon,” Lavrov added.', 'en').at(-1), [
    'Sergei Lavrov',
    'Lavrov',
    'direct',
    'We expect results soon',
  ]);
  // The continuation stands or falls with its quote: no antecedent for "he", no speaker for either.
  assert.deepEqual(brief('Talks ended.\n\n“The visit is being prepared,” he said. “We expect results soon.”', 'en'), []);
});
