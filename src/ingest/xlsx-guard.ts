// Keeps the xlsx reader's memory bounded. exceljs holds the whole shared-string table and each row
// in memory, and its XML parser buffers every text and tag whole: a 4 MB workbook whose parts
// inflate to gigabytes took gigabytes. Before exceljs opens a workbook, this pass inflates the parts
// exceljs parses, with unzipper's streaming parser (exceljs's own, so that it sees the same entries
// in the same order), and scans their bytes without parsing the XML. It refuses the file when a
// text or tag, a row, a part or the shared-string table is over its limit; memory stays a few MB.
import { createReadStream } from 'node:fs';
import { Parse, type Entry } from 'unzipper';

export const XLSX_LIMITS = {
  /** Bytes of one text or tag (Excel caps a cell at 32,767 characters, ≤ 200 KB escaped). */
  token: 256 * 1024,
  /** Bytes of one worksheet row (<row>…</row>). */
  row: 4 * 1024 * 1024,
  /** Cells in one row (Excel's column limit). */
  cells: 16_384,
  /** Bytes of xl/sharedStrings.xml, inflated: exceljs keeps the table in memory. */
  sharedStringsBytes: 24 * 1024 * 1024,
  /** Strings in the table, a rich-text run counting as four (exceljs keeps each as an object). */
  sharedStrings: 400_000,
  /** Bytes of the workbook and its relationships. */
  part: 4 * 1024 * 1024,
} as const;

export type XlsxLimit = 'token' | 'row' | 'cells' | 'sharedStringsBytes' | 'sharedStrings' | 'part';

export class XlsxTooLarge extends Error {
  constructor(
    readonly limit: XlsxLimit,
    readonly part: string,
    /** The row's position in its worksheet (1 = first <row>), for the row and cell limits. */
    readonly row: number | null,
  ) {
    super(`${part}: over the ${limit} limit (${XLSX_LIMITS[limit]})`);
  }
}

type PartKind = 'sheet' | 'strings' | 'other';

/** What exceljs's WorkbookReader parses (styles and hyperlinks are ignored by read-xlsx.ts). */
function partKind(path: string): PartKind | null {
  if (path === 'xl/sharedStrings.xml') return 'strings';
  if (path === 'xl/workbook.xml' || path === 'xl/_rels/workbook.xml.rels') return 'other';
  // The same test as exceljs's reader.
  return /xl\/worksheets\/sheet\d+[.]xml/.test(path) ? 'sheet' : null;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOT = 0x22;
const APOS = 0x27;
/** Bytes that end a tag's name. */
const NAME_END = new Uint8Array(256);
for (const b of [0x20, 0x09, 0x0a, 0x0d, GT, SLASH]) NAME_END[b] = 1;

/** A tag name of up to three bytes as one number, so that names are compared without strings. */
const packed = (name: string): number => [...Buffer.from(name)].reduce((n, b) => n * 256 + b, 0);
const ROW = packed('row');
const C = packed('c');
const SI = packed('si');
const R = packed('r');

/** Scans one part's bytes: the longest text or tag, and per kind its rows and cells or its strings. */
class PartScan {
  #bytes = 0;
  /** Bytes since the current text or tag began. */
  #run = 0;
  #inTag = false;
  /** The quote of the attribute value being read, 0 outside one. */
  #quote = 0;
  /** The local name of the tag being read, packed (see `packed`); -1 outside a tag's name. */
  #name = -1;
  #nameLength = 0;
  #closing = false;
  #rows = 0;
  #rowStart = -1;
  #cells = 0;
  #strings = 0;

  constructor(readonly path: string, readonly kind: PartKind) {}

  push(chunk: Buffer): void {
    // Locals in the loop: it sees every byte of parts that may be hundreds of MB.
    let run = this.#run;
    let inTag = this.#inTag;
    let quote = this.#quote;
    const tooLong = () => new XlsxTooLarge('token', this.path, this.#rowStart >= 0 ? this.#rows : null);
    for (let i = 0; i < chunk.length; i++) {
      if (!inTag) {
        // Text: straight to the next tag.
        const next = chunk.indexOf(LT, i);
        const end = next === -1 ? chunk.length : next;
        run += end - i;
        if (run > XLSX_LIMITS.token) throw tooLong();
        if (next === -1) break;
        i = next;
        run = 0;
        inTag = true;
        quote = 0;
        this.#startName();
        continue;
      }
      const b = chunk[i]!;
      if (this.#name !== -1) {
        if (this.#nameLength === 0 && b === SLASH && !this.#closing) this.#closing = true;
        else if (NAME_END[b]) this.#tag(this.#bytes + i);
        else if (b === COLON) this.#name = this.#nameLength = 0; // a namespace prefix: keep the local name
        else if (++this.#nameLength <= 3) this.#name = this.#name * 256 + b;
      }
      if (b === GT && quote === 0) {
        // '>' may appear in quoted attribute values: only the tag's own end counts.
        run = 0;
        inTag = false;
      } else {
        if (b === QUOT || b === APOS) quote = quote === 0 ? b : quote === b ? 0 : quote;
        else if (b === LT) {
          // Not well-formed XML: exceljs's parser will say so; the scan starts a new tag.
          run = 0;
          quote = 0;
          this.#startName();
        }
        if (++run > XLSX_LIMITS.token) throw tooLong();
      }
    }
    this.#run = run;
    this.#inTag = inTag;
    this.#quote = quote;
    this.#bytes += chunk.length;
    if (this.#rowStart >= 0 && this.#bytes - this.#rowStart > XLSX_LIMITS.row) throw new XlsxTooLarge('row', this.path, this.#rows);
    if (this.kind === 'strings' && this.#bytes > XLSX_LIMITS.sharedStringsBytes) throw new XlsxTooLarge('sharedStringsBytes', this.path, null);
    if (this.kind === 'other' && this.#bytes > XLSX_LIMITS.part) throw new XlsxTooLarge('part', this.path, null);
  }

  #startName(): void {
    this.#name = 0;
    this.#nameLength = 0;
    this.#closing = false;
  }

  /** A tag's name has been read; `at` is its end, counted from the part's start. */
  #tag(at: number): void {
    const name = this.#nameLength <= 3 ? this.#name : -2;
    this.#name = -1;
    if (this.kind === 'sheet') {
      if (name === ROW && !this.#closing) {
        this.#rows++;
        this.#rowStart = at;
        this.#cells = 0;
      } else if (name === ROW) this.#rowStart = -1;
      else if (name === C && !this.#closing && ++this.#cells > XLSX_LIMITS.cells) throw new XlsxTooLarge('cells', this.path, this.#rows);
      if (this.#rowStart >= 0 && at - this.#rowStart > XLSX_LIMITS.row) throw new XlsxTooLarge('row', this.path, this.#rows);
    } else if (this.kind === 'strings' && !this.#closing && (name === SI || name === R)) {
      this.#strings += name === SI ? 1 : 4;
      if (this.#strings > XLSX_LIMITS.sharedStrings) throw new XlsxTooLarge('sharedStrings', this.path, null);
    }
  }
}

/**
 * Throws XlsxTooLarge when a part exceljs would parse is over a limit. Other zip and format errors
 * are left to exceljs, which reports them as it always has.
 */
export async function checkXlsx(file: string, signal?: AbortSignal): Promise<void> {
  const input = createReadStream(file, signal ? { signal } : {});
  const zip = Parse({ forceStream: true });
  input.on('error', (e) => zip.destroy(e));
  input.pipe(zip);
  try {
    for await (const value of zip) {
      const entry = value as Entry;
      const kind = partKind(entry.path);
      if (kind === null) {
        entry.autodrain();
        continue;
      }
      const scan = new PartScan(entry.path, kind);
      for await (const chunk of entry) scan.push(chunk as Buffer);
    }
  } catch (e) {
    if (e instanceof XlsxTooLarge) throw e;
    // Not a zip, or a damaged one: exceljs says so when it reads the file.
  } finally {
    input.destroy();
    zip.destroy();
  }
}
