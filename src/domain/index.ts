export * from './types.js';
export * from './errors.js';
export * from './article.js';
export * from './date-kind.js';
