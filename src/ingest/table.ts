// A source file as a table: finds the header row (exports often put a title and a date above it),
// maps its columns to canonical fields, and yields each data row as a record of raw values keyed
// by canonical field, with its row number. Blank rows are skipped and counted.
import { headerScore, mapColumns, type CanonicalField, type ColumnMap } from './fields.ts';
import { text, type Raw } from './values.ts';

export interface SourceRow {
  /** 1-based row (line) number in the file. */
  row: number;
  cells: Raw[];
  /** Why the row could not be read at all (a CSV line too long, a quote never closed); cells is empty. */
  unreadable?: string;
}

export interface DataRow {
  row: number;
  raw: Partial<Record<CanonicalField, Raw>>;
  unreadable?: string;
}

/** Rows above the header that may hold a title. */
const HEADER_SEARCH_ROWS = 20;

export class HeaderNotFound extends Error {
  constructor(
    readonly firstCells: string[],
    /** The first row above the header search's end that could not be read. */
    readonly unreadable: { row: number; reason: string } | null,
  ) {
    super('header row not found');
  }
}

export interface Table {
  columns: ColumnMap;
  headerRow: number;
  rows: AsyncGenerator<DataRow>;
  /** Blank rows seen so far. */
  blank(): number;
}

const cellText = (c: Raw): string => (c instanceof Date ? '' : (text(c) ?? ''));

export async function openTable(source: AsyncGenerator<SourceRow>, mapping?: ReadonlyMap<string, CanonicalField>): Promise<Table> {
  let firstCells: string[] | null = null;
  let unreadable: { row: number; reason: string } | null = null;
  let header: SourceRow | null = null;
  for (let seen = 0; seen < HEADER_SEARCH_ROWS; ) {
    const next = await source.next();
    if (next.done) break;
    if (next.value.unreadable !== undefined) {
      seen++;
      unreadable ??= { row: next.value.row, reason: next.value.unreadable };
      continue;
    }
    const cells = next.value.cells.map(cellText);
    if (cells.every((c) => c === '')) continue;
    seen++;
    firstCells ??= cells;
    if (headerScore(cells, mapping) >= 3) {
      header = { row: next.value.row, cells };
      break;
    }
  }
  if (!header) {
    await source.return(undefined);
    throw new HeaderNotFound(firstCells ?? [], unreadable);
  }
  const columns = mapColumns(header.cells as string[], mapping);
  const entries = [...columns.fields.entries()];
  let blank = 0;
  async function* rows(): AsyncGenerator<DataRow> {
    for await (const { row, cells, unreadable } of source) {
      if (unreadable !== undefined) {
        yield { row, raw: {}, unreadable };
        continue;
      }
      const raw: Partial<Record<CanonicalField, Raw>> = {};
      let empty = true;
      for (const [i, field] of entries) {
        const v = cells[i];
        if (v === undefined || v === null || v === '') continue;
        if (typeof v === 'string' && v.trim() === '') continue;
        raw[field] = v;
        empty = false;
      }
      if (empty) blank++;
      else yield { row, raw };
    }
  }
  return { columns, headerRow: header.row, rows: rows(), blank: () => blank };
}
