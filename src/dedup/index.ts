export { contentHash } from './fingerprint.js';
