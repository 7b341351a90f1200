/**
 * A stream that drops NUL (0x00) bytes. React 18.3's renderToPipeableStream can emit stray NULs
 * where a multi-byte character meets its 2 KB buffer edge (facebook/react#26228, fixed only in
 * React 19), corrupting Burmese, Thai or CJK text. NUL never belongs in HTML and is never part of
 * a UTF-8 multi-byte sequence, so dropping it is safe.
 */
import { Transform } from "node:stream";

export function stripNulBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((b) => b !== 0)) : chunk);
    },
  });
}
