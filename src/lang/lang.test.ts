import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, resolveLanguage, splitSentences, splitWords, wordCount } from './index.js';
import { MAX_SENTENCE_CHARS, splitSentencesInWindows } from './sentences.js';

test('sentences in scripts with and without spaces', () => {
  assert.deepEqual(splitSentences('普京周二抵达平壤。金正恩在机场迎接他！两人随后举行会谈。', 'zh').map((s) => s.text), ['普京周二抵达平壤。', '金正恩在机场迎接他！', '两人随后举行会谈。']);
  assert.equal(splitSentences('プーチン大統領は火曜日に平壌に到着した。金正恩氏が出迎えた。', 'ja').length, 2);
  assert.equal(splitSentences('وصل بوتين إلى بيونغ يانغ يوم الثلاثاء. واستقبله كيم جونغ أون.', 'ar').length, 2);
});

test('abbreviations and initials do not end a sentence', () => {
  assert.deepEqual(splitSentences('Mr. Putin arrived at 10 a.m. on Tuesday. Dr. Kim met him in the U.S. capital. He left.', 'en').map((s) => s.text), [
    'Mr. Putin arrived at 10 a.m. on Tuesday.',
    'Dr. Kim met him in the U.S. capital.',
    'He left.',
  ]);
  assert.deepEqual(splitSentences('Ông Putin đến hôm thứ Ba. TS. Nguyễn Văn A cho biết.', 'vi').map((s) => s.text), ['Ông Putin đến hôm thứ Ba.', 'TS. Nguyễn Văn A cho biết.']);
  assert.equal(splitSentences('J. R. R. Tolkien wrote it. Then he left.', 'en').length, 2);
});

test('sentence offsets point at the sentence in the text, and never cross a line break', () => {
  const samples = ['  Hello there. Mr. Smith came.\nNew para. J. K. wrote it.', 'A.\n\nB. C.', 'x', '', '普京周二抵达平壤。\n金正恩。', 'Mr.\nPutin.'];
  for (const text of samples) {
    for (const s of splitSentences(text, 'en')) {
      assert.equal(text.slice(s.offset, s.offset + s.text.length), s.text, JSON.stringify(text));
      assert.ok(!s.text.includes('\n'));
    }
  }
});

test('words for Thai and Japanese, and word counts for every script', () => {
  assert.ok(splitWords('ปูตินเดินทางถึงเปียงยางเมื่อวันอังคาร', 'th').includes('เปียงยาง'));
  assert.ok(splitWords('プーチン大統領は火曜日に平壌に到着した', 'ja').includes('平壌'));
  assert.equal(wordCount('Putin arrived in Pyongyang'), 4);
  assert.equal(wordCount('Путин прибыл в Пхеньян'), 4);
  assert.ok(wordCount('普京周二抵达平壤') >= 3);
  assert.equal(wordCount(''), 0);
});

test('language of news sentences in many languages and scripts; no signal gives und', () => {
  const cases: Array<[string, string]> = [
    ['Russian President Vladimir Putin arrived in Pyongyang on Tuesday for talks with the North Korean leader.', 'en'],
    ['Tổng thống Nga Vladimir Putin đã đến Bình Nhưỡng hôm thứ Ba để hội đàm với nhà lãnh đạo Triều Tiên.', 'vi'],
    ['Президент России Владимир Путин во вторник прибыл в Пхеньян для переговоров с лидером КНДР.', 'ru'],
    ['Президент Росії Володимир Путін у вівторок прибув до Пхеньяна на переговори з лідером КНДР.', 'uk'],
    ['El presidente ruso, Vladímir Putin, llegó el martes a Pyongyang para conversar con el líder norcoreano.', 'es'],
    ['Der russische Präsident Wladimir Putin ist am Dienstag zu Gesprächen in Pjöngjang eingetroffen.', 'de'],
    ['俄罗斯总统普京周二抵达平壤，与朝鲜领导人举行会谈。', 'zh'],
    ['ロシアのプーチン大統領は火曜日、北朝鮮の指導者との会談のため平壌に到着した。', 'ja'],
    ['블라디미르 푸틴 러시아 대통령이 화요일 북한 지도자와의 회담을 위해 평양에 도착했다.', 'ko'],
    ['وصل الرئيس الروسي فلاديمير بوتين إلى بيونغ يانغ يوم الثلاثاء لإجراء محادثات مع الزعيم الكوري الشمالي.', 'ar'],
    ['रूसी राष्ट्रपति व्लादिमीर पुतिन मंगलवार को उत्तर कोरियाई नेता के साथ बातचीत के लिए प्योंगयांग पहुंचे।', 'hi'],
  ];
  for (const [text, lang] of cases) assert.equal(detectLanguage(text).language, lang, text);
  assert.equal(detectLanguage('').language, 'und');
  assert.equal(detectLanguage('12 345 — 67').language, 'und');
});

test('declared-lang-loses-to-text: a declared language is a hint the text overrules when clear', () => {
  const german = 'Die Bundesregierung hat am Dienstag ein neues Klimagesetz beschlossen, das die Emissionen bis 2030 halbieren soll.';
  assert.equal(resolveLanguage('en', german).language, 'de');
  assert.equal(resolveLanguage('en-GB', german).language, 'de');
  assert.equal(resolveLanguage('de', german).language, 'de');
  // Short or ambiguous text: the declaration stands.
  assert.equal(resolveLanguage('en', 'Klimagesetz beschlossen').language, 'en');
  // A close language the model confuses with the declared one: the declaration stands.
  const danish = 'Regeringen har i dag fremlagt en ny plan for klimaet, som skal halvere udledningerne inden 2030, siger ministeren.';
  assert.equal(resolveLanguage('no', danish).language, 'no');
  // Nothing declared: the text alone.
  assert.equal(resolveLanguage(null, german).language, 'de');
});

test('a long paragraph is segmented window by window into the same sentences', () => {
  const sentence = (i: number) => ['Mr. Putin met Dr. Kim on Tuesday.', 'The U.S. delegation left at 10 a.m. sharp!', 'Talks (on trade) went on…', 'Am 15. Januar kam er.', 'Was it over? “Yes,” he said.'][i % 5]!;
  const paragraph = Array.from({ length: 400 }, (_, i) => sentence(i)).join(' ');
  for (const language of ['en', 'de']) {
    const whole = splitSentencesInWindows(paragraph, language, paragraph.length + 1);
    for (const window of [300, 1000, 4999]) assert.deepEqual(splitSentencesInWindows(paragraph, language, window), whole, `window ${window}`);
  }
});

test('a sentence longer than the bound is cut, at a space where there is one', () => {
  const words = 'word '.repeat(MAX_SENTENCE_CHARS / 2).trim();
  const sentences = splitSentences(`${words}. Next one.`, 'en');
  assert.ok(sentences.every((s) => s.text.length <= MAX_SENTENCE_CHARS));
  assert.ok(sentences.slice(0, -1).every((s) => !/\bwor$|^d\b/.test(s.text)), 'no word cut');
  assert.equal(sentences.map((s) => s.text).join(' '), `${words}. Next one.`);
  const unbroken = 'x'.repeat(MAX_SENTENCE_CHARS * 3);
  assert.deepEqual(splitSentences(unbroken, 'en').map((s) => s.text.length), [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS]);
});
