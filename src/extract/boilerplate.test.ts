// Line rules by form: tag lists and comment-policy disclaimers, in any of the languages the data lists.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { getBoilerplateRules } from './boilerplate.js';

const rules = getBoilerplateRules();

test('a tag or category label with a list of short items is a tag list', () => {
  for (const line of ['Tags: transporte, ônibus, prefeitura', 'Etiquetas: parques, ayuntamiento', 'Schlagwörter: Berlin | Verkehr', 'Filed under: Politics, Elections 2024', 'Catégories : Société'])
    assert.ok(rules.isTagList(line), line);
});

test('a sentence that opens with a tag word is not a tag list', () => {
  for (const line of ['Tags: the police said the suspects had been tagged by their phones for months, then arrested.', 'Temas: el gobierno anunció que los impuestos subirán el próximo año para financiar las pensiones de los jubilados', 'Tags, labels and names were found on every box.'])
    assert.ok(!rules.isTagList(line), line);
});

test('a short paragraph naming comments and responsibility or opinion is a comment policy', () => {
  for (const line of [
    'Os comentários são de responsabilidade exclusiva de seus autores e não representam a opinião deste site.',
    'Los comentarios publicados son responsabilidad exclusiva de sus autores y no reflejan la opinión de este medio.',
    'Comments are the sole responsibility of their authors and do not reflect the views of this site.',
  ])
    assert.ok(rules.isCommentPolicy(line), line);
  assert.ok(!rules.isCommentPolicy('The minister declined to comment on the report, which is due next week.'));
});
