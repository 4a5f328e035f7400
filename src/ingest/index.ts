export { listInputFiles, readInputFile, isSupportedFile, MAX_FILE_BYTES, type IngestItem } from './read-inputs.js';
export { parseJsonlLine, jsonArticleToDocument, JsonlArticleSchema } from './jsonl.js';
export { decodeText, sniffMetaCharset, type Decoded, type DecodeOptions } from './decode.js';
