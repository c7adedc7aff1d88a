// Streams the rows of a CSV export (csv-parse): UTF-8 with or without BOM, comma, semicolon or
// tab separated (guessed from the first lines), quoted fields may span lines. Each row comes with
// its line number in the file, as a text editor or spreadsheet shows it.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import type { SourceRow } from './table.ts';

const SNIFF_BYTES = 64 * 1024;

export class CsvFormatError extends Error {
  constructor(readonly kind: 'not_utf8' | 'syntax', readonly line: number | null, detail: string) {
    super(detail);
  }
}

/** The separator used most outside quotes in the first lines. */
export function guessDelimiter(sample: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let lines = 0;
  for (const ch of sample) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch]!++;
    else if (!quoted && ch === '\n' && ++lines >= 30) break;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]!;
  return n > 0 ? best : ',';
}

async function sniff(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    // Cut at the last newline so that a multi-byte character is never split.
    const end = bytesRead === SNIFF_BYTES ? buf.lastIndexOf(0x0a, bytesRead) + 1 || bytesRead : bytesRead;
    const sample = new TextDecoder('utf-8', { fatal: false }).decode(buf.subarray(0, end));
    if (sample.includes('\uFFFD')) throw new CsvFormatError('not_utf8', null, 'not UTF-8');
    return sample;
  } finally {
    await handle.close();
  }
}

const countNewlines = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
};

export async function* readCsv(file: string, signal?: AbortSignal): AsyncGenerator<SourceRow> {
  const delimiter = guessDelimiter(await sniff(file));
  const parser = createReadStream(file, { highWaterMark: 1 << 20, signal }).pipe(
    parse({ bom: true, delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false }),
  );
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const row = line;
      line++;
      for (const c of cells) if (c.length > 0 && c.includes('\n')) line += countNewlines(c);
      yield { row, cells };
    }
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    const err = e as { code?: string; lines?: number; message: string };
    if (typeof err.code === 'string' && err.code.startsWith('CSV_')) throw new CsvFormatError('syntax', err.lines ?? line, err.message);
    throw e;
  }
}
