import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from './index.js';

test('Indonesian, which the model lacks, is told from Malay by the words each uses', () => {
  assert.equal(detectLanguage('Pemerintah Indonesia akan mengumumkan kebijakan baru pada bulan Agustus, kata menteri keuangan di Jakarta pada Senin.').language, 'id');
  assert.equal(detectLanguage('Kerajaan Malaysia akan membentangkan bajet pada bulan Ogos, kata menteri kewangan pada hari Isnin.').language, 'ms');
});
