import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { agencyFromText, agencyOfCredit, displayLabel, isDatelineLine, isOutletEvidence, namesAgree, readDateline, siteLabel, titleSides } from './outlet.js';

test('agency-credit-kept-as-agency: agency credits are read as agencies, in any case and combination', () => {
  assert.equal(agencyOfCredit('Afp'), 'AFP');
  assert.equal(agencyOfCredit('(Reuters)'), 'Reuters');
  assert.equal(agencyOfCredit('dpa/afp'), 'dpa/AFP');
  assert.equal(agencyOfCredit('Agence France-Presse'), 'AFP');
  assert.equal(agencyOfCredit('الوكالات'), 'الوكالات');
  assert.equal(agencyOfCredit('The Guardian'), null);
  assert.equal(agencyOfCredit('AFP and The Guardian'), null, 'a credit naming anything but agencies is not an agency credit');
});

test('dateline-not-outlet: a wire dateline gives its place and agency, and is no outlet', () => {
  assert.deepEqual(readDateline('WIEN – Die Regierung hat am Dienstag beschlossen'), { place: 'WIEN', agency: null });
  assert.deepEqual(readDateline('PARIS (AFP) — President Macron said on Tuesday'), { place: 'PARIS', agency: 'AFP' });
  assert.deepEqual(readDateline('باريس - الوكالات: أعلن الرئيس الفرنسي'), { place: 'باريس', agency: 'الوكالات' });
  assert.equal(readDateline('Council backs cycling plan - a report'), null, 'a capitalised phrase and a dash is no dateline');
  assert.ok(isDatelineLine('باريس - الوكالات:'));
  assert.ok(!isDatelineLine('Council backs cycling plan'));
  for (const notOutlet of ['Wien', 'WIEN –', 'Wien,', 'باريس - الوكالات:', 'Afp', 'By Jane Doe']) assert.ok(!isOutletEvidence(notOutlet), notOutlet);
  for (const outlet of ['Coastal Times', 'Báo Quốc Tế', 'Haberler']) assert.ok(isOutletEvidence(outlet), outlet);
  assert.equal(agencyFromText('BERLIN (dpa) - Die Koalition hat sich geeinigt.\n\nMehr dazu später.'), 'dpa');
  assert.equal(agencyFromText('The council met on Tuesday and agreed.\n\n(AFP)'), 'AFP');
  assert.equal(agencyFromText('The council met on Tuesday and agreed.\n\nThe meeting ended at noon.'), null);
});

test('host names become the site label: service prefixes and the public suffix dropped', () => {
  assert.equal(siteLabel('https://www.theguardian.com/world/x'), 'theguardian');
  assert.equal(siteLabel('https://m.bbc.co.uk/news'), 'bbc');
  assert.equal(siteLabel('https://amp.abc.net.au/news'), 'abc');
  assert.equal(siteLabel('https://en.haberler.com/x'), 'haberler');
  assert.equal(siteLabel('https://notes.blogspot.com/2024/08/x.html'), 'notes');
  assert.equal(siteLabel('http://127.0.0.1:8080/x'), null);
  assert.equal(siteLabel(undefined), null);
  assert.equal(displayLabel('el-pais'), 'El Pais');
});

test('names agree across spellings and host shortenings, not across different names', () => {
  assert.ok(namesAgree('The Guardian', 'theguardian'));
  assert.ok(namesAgree('The Perspective', 'theperspective'));
  assert.ok(namesAgree('The New York Times', 'nytimes'));
  assert.ok(namesAgree('BBC News', 'bbc'));
  assert.ok(namesAgree('El Comercio Perú', 'elcomercio'));
  assert.ok(!namesAgree('Why my tomatoes split this summer', 'notes'));
  assert.ok(!namesAgree('Storm closes northern ports', 'news'));
  assert.ok(!namesAgree('Coastal Courier', 'coastaltimes'));
});

test('blog-title-outlet-order: the outlet side of a <title> is found by agreement, not by position', () => {
  const none = { siteNames: [], metaHeadlines: [], headings: [] };
  // Site first or last, told by the host.
  assert.deepEqual(titleSides('The Riverside Post – Bridge repairs to start in May', { ...none, siteNames: ['riversidepost'] }), { outlet: 'The Riverside Post', headline: 'Bridge repairs to start in May' });
  assert.deepEqual(titleSides('Bridge repairs to start in May | The Riverside Post', { ...none, siteNames: ['riversidepost'] }), { outlet: 'The Riverside Post', headline: 'Bridge repairs to start in May' });
  // A blog: its name in <h1>, the post title in <h3>; the higher heading is the masthead.
  const blog = { ...none, headings: [{ level: 1, text: 'Notes from the Allotment' }, { level: 3, text: 'Why my tomatoes split' }] };
  assert.deepEqual(titleSides('Notes from the Allotment: Why my tomatoes split', blog), { outlet: 'Notes from the Allotment', headline: 'Why my tomatoes split' });
  // The metadata's headline tells the other side, whatever the order.
  assert.deepEqual(titleSides('Town Herald | Council backs cycling plan', { ...none, metaHeadlines: ['Council backs cycling plan'] }), { outlet: 'Town Herald', headline: 'Council backs cycling plan' });
  // Nothing agrees: no outlet from the title.
  assert.equal(titleSides('Council backs cycling plan | Town Herald', none), null);
});
