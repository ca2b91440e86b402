/**
 * Streams JSON Lines from a file, a gzip file or standard input, one parsed value at a time, so
 * files of any size scan in constant memory. A bad line is reported and skipped, never fatal.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface JsonLine {
  line: number;
  value: unknown;
}

export interface LineProblem {
  line: number;
  message: string;
}

function openInput(path: string): Readable {
  const raw: Readable = path === '-' ? process.stdin : createReadStream(path);
  return path.endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
}

export async function* readJsonLines(path: string, onProblem: (p: LineProblem) => void): AsyncGenerator<JsonLine> {
  const lines = createInterface({ input: openInput(path), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch (e) {
      onProblem({ line, message: `not valid JSON (${(e as Error).message})` });
    }
  }
}
