// Streams the rows of a CSV export: UTF-8 with or without BOM, or Windows-1258/1252 when the user
// names it (encoding.ts); comma, semicolon or tab separated (guessed from the first lines); quoted
// fields may span lines. Each row comes with its line number in the file, as a text editor or
// spreadsheet shows it.
// Memory stays bounded whatever the file: lines are split here and a line longer than
// CSV_LIMITS.line is skipped without being held; csv-parse reads blocks of at most a few thousand
// whole lines that end outside quotes (csv-parse's own stream reader cannot resume after an error,
// and drops the records it had read before it). A row that cannot be read (a line too long, a
// quote never closed) comes as unreadable and reading goes on at the next line: one bad row never
// costs the rows after it.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { formatInt } from '../i18n/format.ts';
import { t } from '../i18n/translate.ts';
import { toUtf8, type FileEncoding } from './encoding.ts';
import type { SourceRow } from './table.ts';

const CSV_LIMITS = {
  /** Bytes of one line. */
  line: 1 << 20,
  /** Bytes and lines of one record whose quoted field spans lines. */
  record: 1 << 20,
  recordLines: 1_000,
  /** Bytes and lines handed to csv-parse at once (rows are handed on at most this many at a time). */
  block: 256 * 1024,
  blockLines: 2_000,
  /** Unreadable rows before the file is judged not to be CSV at all. */
  unreadable: 100,
} as const;

const SNIFF_BYTES = 64 * 1024;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

export class CsvFormatError extends Error {
  constructor(readonly line: number | null, detail: string) {
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

/** The first bytes: the separator, and the line break (a lone CR in files from old Macs). */
async function sniff(file: string, decode: (b: Buffer) => Buffer | string): Promise<{ delimiter: string; newline: number }> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buf, 0, SNIFF_BYTES, 0);
    const head = buf.subarray(0, bytesRead);
    const newline = head.includes(LF) || !head.includes(CR) ? LF : CR;
    // Cut at the last line break so that no character is split.
    const end = bytesRead === SNIFF_BYTES ? head.lastIndexOf(newline) + 1 || bytesRead : bytesRead;
    return { delimiter: guessDelimiter(decode(head.subarray(0, end)).toString().replaceAll('\r', '\n')), newline };
  } finally {
    await handle.close();
  }
}

const countQuotes = (b: Buffer): number => {
  let n = 0;
  for (let i = b.indexOf(QUOTE); i !== -1; i = b.indexOf(QUOTE, i + 1)) n++;
  return n;
};

interface Line {
  row: number;
  bytes: Buffer;
}

/**
 * Groups lines into blocks that end outside quotes (by the parity of their quotes) and parses each
 * block with csv-parse; rows come out of `take()`.
 */
class Blocks {
  #lines: Line[] = [];
  #bytes = 0;
  /** Bytes and lines since the block was last outside quotes. */
  #openBytes = 0;
  #openLines = 0;
  #open = false;
  /** Whether the block has a quote at all (else every record is one line). */
  #quoted = false;
  #out: SourceRow[] = [];
  #unreadable = 0;

  constructor(
    readonly decode: (b: Buffer) => Buffer | string,
    readonly delimiter: string,
  ) {}

  push(line: Line): void {
    this.#lines.push(line);
    this.#bytes += line.bytes.length + 1;
    const quotes = countQuotes(line.bytes);
    this.#quoted ||= quotes > 0;
    if (quotes % 2 === 1) this.#open = !this.#open;
    this.#openBytes = this.#open ? this.#openBytes + line.bytes.length + 1 : 0;
    this.#openLines = this.#open ? this.#openLines + 1 : 0;
    const full = this.#open
      ? this.#openBytes > CSV_LIMITS.record || this.#openLines > CSV_LIMITS.recordLines
      : this.#bytes >= CSV_LIMITS.block || this.#lines.length >= CSV_LIMITS.blockLines;
    if (full) this.flush();
  }

  /** Rows ready to be taken. */
  get ready(): number {
    return this.#out.length;
  }

  /** A row that cannot be read at all (its line is too long). */
  unreadable(row: number, reason: string): void {
    this.flush();
    this.#fail(row, reason);
  }

  /** Parses what is held; a record left open is unreadable and the lines after it are read again. */
  flush(): void {
    let lines = this.#lines;
    const quoted = this.#quoted;
    this.#lines = [];
    this.#bytes = 0;
    this.#openBytes = 0;
    this.#openLines = 0;
    this.#open = false;
    this.#quoted = false;
    while (lines.length > 0) {
      // Each line ends with a line break, so that an empty last line is a (blank) row too.
      const text = this.decode(Buffer.concat(lines.flatMap((l) => [l.bytes, NEWLINE])));
      let records: string[][];
      try {
        records = parse(text, { ...this.#options, skip_records_with_error: false }) as string[][];
      } catch {
        lines = this.#salvage(text, lines);
        continue;
      }
      // A record spans one line more than the line breaks inside its quoted fields.
      let done = 0;
      for (const cells of records) {
        this.#out.push({ row: lines[done]!.row, cells });
        done++;
        if (quoted) for (const c of cells) if (c.includes('\n')) done += c.split('\n').length - 1;
      }
      break;
    }
  }

  get #options() {
    return { delimiter: this.delimiter, record_delimiter: '\n', relax_column_count: true, relax_quotes: true, skip_empty_lines: false } as const;
  }

  /**
   * A block that csv-parse refused: keeps the records before the failed one, makes the failed
   * one's first line unreadable, and returns the lines after that line, to be read again.
   */
  #salvage(text: Buffer | string, lines: Line[]): Line[] {
    const skipped: { line: number; detail: string }[] = [];
    const records = parse(text, {
      ...this.#options, info: true, skip_records_with_error: true,
      on_skip: (e) => void skipped.push({ line: Number((e as { lines?: number } | undefined)?.lines ?? lines.length), detail: e?.message ?? '' }),
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const failed = skipped[0] ?? { line: lines.length, detail: '' };
    /** Lines read into whole records (info.lines: the last line of a record, from 1). */
    let done = 0;
    for (const { record, info } of records) {
      // Records after the failed one are read again with the lines after it.
      if (info.lines >= failed.line) break;
      this.#out.push({ row: lines[done]!.row, cells: record });
      done = info.lines;
    }
    if (done >= lines.length) return [];
    this.#fail(lines[done]!.row, t('import-csv-unreadable-row', { detail: failed.detail }));
    return lines.slice(done + 1);
  }

  #fail(row: number, reason: string): void {
    this.#out.push({ row, cells: [], unreadable: reason });
    if (++this.#unreadable > CSV_LIMITS.unreadable) {
      throw new CsvFormatError(row, t('import-csv-too-many-unreadable', { count: formatInt(CSV_LIMITS.unreadable) }));
    }
  }

  take(): SourceRow[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }
}

const NEWLINE = Buffer.from('\n');

export async function* readCsv(file: string, encoding: FileEncoding, signal?: AbortSignal): AsyncGenerator<SourceRow> {
  const decode = toUtf8(encoding);
  const { delimiter, newline } = await sniff(file, decode);
  const blocks = new Blocks(decode, delimiter);
  let row = 1;
  /** The line being read, in pieces; null while skipping the rest of a line that is too long. */
  let pending: Buffer[] | null = [];
  let pendingBytes = 0;
  let first = true;
  const endLine = (bytes: Buffer) => {
    // CRLF: the CR belongs to the line break.
    const end = newline === LF && bytes.length > 0 && bytes[bytes.length - 1] === CR ? bytes.length - 1 : bytes.length;
    blocks.push({ row, bytes: bytes.subarray(0, end) });
  };
  try {
    for await (let chunk of createReadStream(file, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) }) as AsyncIterable<Buffer>) {
      if (first && encoding === 'utf-8' && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      first = false;
      let start = 0;
      for (let at = chunk.indexOf(newline); ; at = chunk.indexOf(newline, start)) {
        const piece = chunk.subarray(start, at === -1 ? chunk.length : at);
        if (pending !== null && pendingBytes + piece.length > CSV_LIMITS.line) {
          blocks.unreadable(row, t('import-csv-line-too-long', { max: formatInt(CSV_LIMITS.line) }));
          pending = null;
        }
        if (at === -1) {
          if (pending !== null && piece.length > 0) {
            pending.push(Buffer.from(piece));
            pendingBytes += piece.length;
          }
          break;
        }
        if (pending !== null) endLine(pending.length === 0 ? piece : Buffer.concat([...pending, piece]));
        pending = [];
        pendingBytes = 0;
        row++;
        start = at + 1;
        if (blocks.ready >= CSV_LIMITS.blockLines) yield* blocks.take();
      }
      yield* blocks.take();
    }
    if (pending !== null && pendingBytes > 0) endLine(Buffer.concat(pending));
    blocks.flush();
    yield* blocks.take();
  } catch (e) {
    if ((e as Error).name === 'AbortError') return;
    throw e;
  }
}
