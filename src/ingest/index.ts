export { listInputFiles, readInputFile, isSupportedFile, type IngestItem } from './read-inputs.js';
export { splitLines, type SplitLine } from './split-lines.js';
export { resolveFields, getFieldAliases, CANONICAL_FIELDS, type CanonicalField, type FieldAliases } from './field-aliases.js';
export { parseJsonlLine, readJsonlLine, readJsonArticle, jsonArticleToDocument, JsonlArticleSchema, type ReadArticle } from './jsonl.js';
export { decodeText, sniffMetaCharset, type Decoded, type DecodeOptions } from './decode.js';
