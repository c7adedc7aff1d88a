// The text encoding of a CSV export. dunghan reads UTF-8; a Windows-1258 (Vietnamese, tone marks
// as combining characters) or Windows-1252 (Western) export is converted when the user names its
// encoding (Node's WHATWG TextDecoder, then Unicode NFC so that "ệ" is one character as typed).
// Before any row is imported the whole file is checked, streaming: a file that is not valid UTF-8
// anywhere is refused whole, naming the first bad byte and the encoding the file looks like; a file
// named as Windows-125x that is in fact UTF-8 is refused too (converting it would garble it).
import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';

const ENCODINGS = ['utf-8', 'windows-1258', 'windows-1252'] as const;
export type FileEncoding = (typeof ENCODINGS)[number];

export function parseEncoding(s: string): FileEncoding | null {
  const e = s.trim().toLowerCase().replace(/^cp(?=125[28]$)/, 'windows-').replace(/^utf8$/, 'utf-8');
  return (ENCODINGS as readonly string[]).includes(e) ? (e as FileEncoding) : null;
}

/** What a non-UTF-8 file looks like: a Windows code page that --encoding converts, or UTF-16 (Excel's "Unicode text"). */
export type LikelyEncoding = 'windows-1258' | 'windows-1252' | 'utf-16';

export class NotUtf8 extends Error {
  constructor(
    /** 0-based offset of the first byte that is not UTF-8. */
    readonly offset: number,
    /** Its line (1-based). */
    readonly line: number,
    readonly likely: LikelyEncoding,
  ) {
    super(`not UTF-8 at byte ${offset} (line ${line}), looks like ${likely}`);
  }
}

/** The file was named Windows-125x but is valid UTF-8 with non-ASCII text. */
export class AlreadyUtf8 extends Error {
  constructor(readonly encoding: FileEncoding) {
    super(`the file is UTF-8, not ${encoding}`);
  }
}

/**
 * Bytes that Windows-1258 uses for Vietnamese letters and tone marks (Ă ă Đ đ Ơ ơ Ư ư and the
 * combining grave, acute, tilde, hook and dot) where Windows-1252 has letters rare in Western text.
 */
const VIETNAMESE_1258 = new Uint8Array(256);
for (const b of [0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xcc, 0xec, 0xd2, 0xf2, 0xde]) VIETNAMESE_1258[b] = 1;

/** Where the last complete UTF-8 sequence of `buf` ends (a sequence cut by the chunk's end is left out). */
function completeEnd(buf: Buffer): number {
  for (let i = buf.length - 1; i >= 0 && i >= buf.length - 4; i--) {
    const b = buf[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + need <= buf.length ? buf.length : i;
  }
  return buf.length;
}

/** The index of the first byte of `buf` that is not UTF-8 (buf is known to hold one). */
function firstInvalid(buf: Buffer): number {
  const text = new TextDecoder('utf-8').decode(buf);
  // Every character before the first bad byte re-encodes to the same bytes; a U+FFFD written in
  // the file itself (EF BF BD) is valid and skipped.
  for (let i = text.indexOf('\uFFFD'); i !== -1; i = text.indexOf('\uFFFD', i + 1)) {
    const at = Buffer.byteLength(text.slice(0, i));
    if (!(buf[at] === 0xef && buf[at + 1] === 0xbf && buf[at + 2] === 0xbd)) return at;
  }
  return buf.length;
}

function countNewlines(buf: Buffer, end: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < end; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * Reads the whole file once. With `utf-8`, throws NotUtf8 at the first invalid byte; with a
 * Windows code page, throws AlreadyUtf8 when the file is valid UTF-8 with non-ASCII characters.
 */
export async function checkEncoding(file: string, encoding: FileEncoding, signal?: AbortSignal): Promise<void> {
  let carry: Buffer = Buffer.alloc(0);
  let offset = 0;
  let lines = 0;
  let first = true;
  let nonAscii = false;
  let bad: { offset: number; line: number } | null = null;
  const seen = { high: 0, vietnamese: 0 };
  const tally = (buf: Buffer) => {
    for (const b of buf) {
      if (b < 0x80) continue;
      seen.high++;
      seen.vietnamese += VIETNAMESE_1258[b]!;
    }
  };
  let utf16 = false;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20, ...(signal ? { signal } : {}) }) as AsyncIterable<Buffer>) {
    if (first) utf16 = (chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff);
    first = false;
    if (bad) {
      // Past the first bad byte, only what the file looks like is counted.
      tally(chunk);
      continue;
    }
    const buf = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
    const end = completeEnd(buf);
    const whole = buf.subarray(0, end);
    if (isUtf8(whole)) {
      if (!nonAscii) nonAscii = whole.some((b) => b >= 0x80);
      lines += countNewlines(whole, end);
      offset += end;
      carry = Buffer.from(buf.subarray(end));
      continue;
    }
    const at = firstInvalid(whole);
    bad = { offset: offset + at, line: lines + countNewlines(whole, at) + 1 };
    tally(buf);
  }
  // A sequence cut by the end of the file.
  if (!bad && carry.length > 0) bad = { offset, line: lines + 1 };
  if (encoding === 'utf-8') {
    if (!bad) return;
    const likely = utf16 ? 'utf-16' : seen.vietnamese > 0 && seen.vietnamese * 10 >= seen.high ? 'windows-1258' : 'windows-1252';
    throw new NotUtf8(bad.offset, bad.line, likely);
  }
  if (!bad && nonAscii) throw new AlreadyUtf8(encoding);
}

/**
 * Whole lines of a file in `encoding` as UTF-8 text for the CSV parser: UTF-8 bytes as they are,
 * a Windows code page decoded and composed to NFC (no character spans two calls).
 */
export function toUtf8(encoding: FileEncoding): (bytes: Buffer) => Buffer | string {
  if (encoding === 'utf-8') return (bytes) => bytes;
  const decoder = new TextDecoder(encoding);
  return (bytes) => decoder.decode(bytes).normalize('NFC');
}
