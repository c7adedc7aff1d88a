// Streams the rows of one worksheet of an .xlsx file (exceljs WorkbookReader, styles ignored:
// dates arrive as Excel serial numbers and are read as Vietnamese wall time; workbooks in the
// 1904 date system, an old Mac option, are not supported). The worksheet is the first one unless
// the mapping names another (by name or 1-based position).
import ExcelJS from 'exceljs';
import type { SourceRow } from './table.ts';
import type { Raw } from './values.ts';

export class SheetNotFound extends Error {
  constructor(readonly sheet: string | number) {
    super(`worksheet ${sheet} not found`);
  }
}

/** A cell's value as a plain value: rich text, hyperlinks and formulas give their text or result. */
function cellValue(v: unknown): Raw {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as { richText?: { text?: string }[]; text?: unknown; result?: unknown; error?: unknown; formula?: unknown; sharedFormula?: unknown };
  if (Array.isArray(o.richText)) return o.richText.map((r) => r.text ?? '').join('');
  if ('result' in o || 'formula' in o || 'sharedFormula' in o) return cellValue(o.result);
  if ('error' in o) return String(o.error);
  if ('text' in o) return cellValue(o.text);
  return null;
}

export async function* readXlsx(file: string, sheet: string | number | null, signal?: AbortSignal): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
  let position = 0;
  let found = false;
  for await (const ws of reader) {
    position++;
    const w = ws as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
    const wanted = sheet === null ? position === 1 : typeof sheet === 'number' ? position === sheet : w.name === sheet;
    if (!wanted || found) continue;
    found = true;
    for await (const row of w) {
      if (signal?.aborted) return;
      const values = row.values as unknown[];
      const cells: Raw[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellValue(values[i]));
      yield { row: row.number, cells };
    }
  }
  if (!found) throw new SheetNotFound(sheet ?? 1);
}
