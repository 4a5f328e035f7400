// Bytes arriving in chunks -> lines, without holding more than one line: a line over the limit is
// skipped (reported by number) and the next one read as usual.

export type SplitLine =
  | { number: number; bytes: Buffer }
  /** A line longer than the limit: its bytes were dropped as they came. */
  | { number: number; tooLong: true; byteLength: number };

const NEWLINE = 0x0a;

/**
 * Splits a byte stream at `\n` (a `\r` before it is kept; the caller trims it). Line numbers count
 * from 1; a last line without a newline counts when it has bytes.
 */
export async function* splitLines(chunks: AsyncIterable<Uint8Array>, maxLineBytes: number): AsyncGenerator<SplitLine> {
  let pieces: Buffer[] = [];
  let held = 0;
  /** Bytes of the current line when it is over the limit (its pieces are dropped); -1 otherwise. */
  let overflow = -1;
  let number = 1;
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    while (start < buf.length) {
      const end = buf.indexOf(NEWLINE, start);
      const stop = end === -1 ? buf.length : end;
      const length = stop - start;
      if (overflow >= 0) overflow += length;
      else if (held + length > maxLineBytes) {
        overflow = held + length;
        pieces = [];
        held = 0;
      } else if (length > 0) {
        pieces.push(buf.subarray(start, stop));
        held += length;
      }
      if (end === -1) break;
      yield overflow >= 0 ? { number, tooLong: true, byteLength: overflow } : { number, bytes: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, held) };
      number++;
      pieces = [];
      held = 0;
      overflow = -1;
      start = end + 1;
    }
  }
  if (overflow >= 0) yield { number, tooLong: true, byteLength: overflow };
  else if (held > 0) yield { number, bytes: Buffer.concat(pieces, held) };
}
