// eld's medium n-gram model (60 languages). The package ships it as a 2 MB JavaScript object literal
// that costs V8 about 0.4 s of CPU to compile at every start, more than the rest of the program; the
// build (scripts/build.mjs) writes the same data as JSON beside the compiled module, which JSON.parse
// reads in about 0.09 s. Run from source, or without that file, the package's own entry loads it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface EldDetector {
  detect(text: string): { language: string; getScores(): Record<string, number>; isReliable(): boolean };
}

type CreateEld = () => { instance: EldDetector; loadData(data: unknown): void };

/** The package's files, by path: its exports name only the entries that embed a model. */
const packageFile = (path: string): string => new URL(path, import.meta.resolve('eld')).href;

export const ELD_JSON = fileURLToPath(new URL('./eld-medium.json', import.meta.url));

/** A detector over the model stored as JSON in `file`. */
export async function eldFromJson(file: string): Promise<EldDetector> {
  const { createEld } = (await import(packageFile('../languageDetector.js'))) as { createEld: CreateEld };
  const { instance, loadData } = createEld();
  loadData(JSON.parse(readFileSync(file, 'utf8')));
  return instance;
}

/** Writes the medium model as JSON (the build's step). */
export async function writeEldJson(file: string): Promise<void> {
  const { ngramsData } = (await import(packageFile('../ngrams/medium.js'))) as { ngramsData: unknown };
  writeFileSync(file, JSON.stringify(ngramsData));
}

export const eld: EldDetector = existsSync(ELD_JSON) ? await eldFromJson(ELD_JSON) : ((await import('eld/medium')).eld as unknown as EldDetector);
