// Whole-sentence patterns are asked about the same sentence once per date in it: a sentence dense
// with dates would be scanned whole for each. The last answer per pattern is kept.

/** The last sentence each whole-sentence pattern was tested on, and the answer: a sentence's dates ask the same question. */
const lastTest = new WeakMap<RegExp, { text: string; result: boolean }>();

/** `re.test(text)` (re neither global nor sticky), answered from memory when the same pattern was last asked about the same text. */
export function testOnce(re: RegExp, text: string): boolean {
  const last = lastTest.get(re);
  if (last && last.text === text) return last.result;
  const result = re.test(text);
  lastTest.set(re, { text, result });
  return result;
}
