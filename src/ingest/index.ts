export { listInputFiles, readInputFile, isSupportedFile, isWarcFile, type IngestItem, type ListedFile } from './read-inputs.js';
export { splitLines, type SplitLine } from './split-lines.js';
export { resolveFields, getFieldAliases, CANONICAL_FIELDS, type CanonicalField, type FieldAliases } from './field-aliases.js';
export { parseJsonlLine, readJsonlLine, readJsonArticle, jsonArticleToDocument, JsonlArticleSchema, type ReadArticle } from './jsonl.js';
export { decodeText, sniffMetaCharset, sniffUnicodeEncoding, type Decoded, type DecodeOptions, type UnicodeEncoding } from './decode.js';
export { canonicalLanguageTag } from './language-tag.js';
export { displayName } from './file-names.js';
