export { findQuotes, type Quote } from './find-quotes.js';
