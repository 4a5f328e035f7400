// Optional multilingual sentence embeddings from a local ONNX model (`--embeddings PATH`), run by
// transformers.js. Nothing is downloaded: remote models are off, and the package itself is an optional
// install (ONNXRUNTIME_NODE_INSTALL=skip npm install @huggingface/transformers), so that the default
// install stays small and works offline. Without a model Storyline clusters on its own evidence.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../../domain/index.js';

export interface SentenceEmbedder {
  /** The model directory the vectors come from. */
  readonly model: string;
  /** Unit vectors (mean-pooled, normalised), one per text. */
  embed(texts: string[]): Promise<number[][]>;
}

/** The optional package, imported by name only when a model is configured. */
const PACKAGE = '@huggingface/transformers';
/** What a transformers.js model directory holds. */
const REQUIRED_FILES = ['config.json', 'tokenizer.json', join('onnx', 'model.onnx')];
/** Models read a few hundred tokens; the headline and lead say what a report is about. */
const MAX_CHARS = 1500;

interface TransformersModule {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string };
  pipeline(task: 'feature-extraction', model: string, options: Record<string, unknown>): Promise<(texts: string[], options: Record<string, unknown>) => Promise<{ tolist(): number[][] }>>;
}

export async function loadSentenceEmbedder(path: string): Promise<SentenceEmbedder> {
  const dir = resolve(path);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--embeddings ${path}: no such model directory`);
  const missing = REQUIRED_FILES.filter((f) => !existsSync(join(dir, f)));
  if (missing.length) throw new UsageError(`--embeddings ${path}: not a local ONNX sentence-embedding model (missing ${missing.join(', ')}; expected the transformers.js layout)`);
  let transformers: TransformersModule;
  try {
    transformers = (await import(PACKAGE)) as TransformersModule;
  } catch (err) {
    throw new UsageError(`--embeddings needs the optional package ${PACKAGE}: install it with ONNXRUNTIME_NODE_INSTALL=skip npm install ${PACKAGE} (${(err as Error).message.split('\n')[0]})`);
  }
  transformers.env.allowRemoteModels = false;
  transformers.env.allowLocalModels = true;
  transformers.env.localModelPath = dirname(dir);
  let extract: Awaited<ReturnType<TransformersModule['pipeline']>>;
  try {
    extract = await transformers.pipeline('feature-extraction', basename(dir), { local_files_only: true, dtype: 'fp32' });
  } catch (err) {
    throw new UsageError(`--embeddings ${path}: the model could not be loaded (${(err as Error).message.split('\n')[0]})`);
  }
  return {
    model: dir,
    async embed(texts) {
      if (texts.length === 0) return [];
      const out = await extract(texts.map((t) => t.slice(0, MAX_CHARS)), { pooling: 'mean', normalize: true });
      return out.tolist();
    },
  };
}

/** What an article is embedded by: its headline and lead (`embed` keeps the first MAX_CHARS). */
export function embeddingText(article: { title: string; text: string }): string {
  return `${article.title}\n${article.text}`;
}
