/**
 * Reads a file as newline-terminated lines without loading it whole (snapshots of a million
 * customers are larger than one JavaScript string may be). Reports where the last whole
 * line ends, so a journal torn by a crash can be cut back to it.
 */
import { open } from 'node:fs/promises';

const CHUNK_BYTES = 4 * 1_048_576;

export interface LinesRead {
  /** Byte offset just after the last newline. */
  wholeBytes: number;
  /** Bytes after it (a line cut short by a crash). */
  tailBytes: number;
}

/** Calls `onLine` for every newline-terminated line, in order, with its 1-based number. */
export async function readLines(path: string, onLine: (line: string, number: number) => void): Promise<LinesRead> {
  const handle = await open(path, 'r');
  try {
    let carry: Buffer[] = [];
    let carryBytes = 0;
    let offset = 0;
    let wholeBytes = 0;
    let number = 0;
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK_BYTES, offset);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      let start = 0;
      for (let nl = chunk.indexOf(10, start); nl >= 0; nl = chunk.indexOf(10, start)) {
        const piece = chunk.subarray(start, nl);
        const line = carryBytes > 0 ? Buffer.concat([...carry, piece]).toString('utf8') : piece.toString('utf8');
        carry = [];
        carryBytes = 0;
        wholeBytes = offset + nl + 1;
        onLine(line, ++number);
        start = nl + 1;
      }
      if (start < bytesRead) {
        carry.push(Buffer.from(chunk.subarray(start)));
        carryBytes += bytesRead - start;
      }
      offset += bytesRead;
    }
    return { wholeBytes, tailBytes: offset - wholeBytes };
  } finally {
    await handle.close();
  }
}
