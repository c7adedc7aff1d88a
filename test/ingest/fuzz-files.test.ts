// Hostile rows in CSV and XLSX files, imported through importFile (fast-check, seeded: a failure
// prints its seed and rows and replays). The rows carry the classes of the API fuzz
// (test/http/fuzz.test.ts) that a file can: prototype names in every enumerated field, broken
// Unicode in xlsx cells (U+FFFD, lone surrogates as exceljs writes them; a CSV file's encoding is
// judged as a whole by its reader), NUL and control characters, impossible offsets and dates,
// negative, huge and NaN numbers, codes repeated in a file (padded, NFD). Each import is checked
// against what it must make of every row: no error escapes, each rejected row is reported by its
// row number and exactly the columns read wrong, every good row is imported, and each stored value
// is the file's but for the documented normalisations.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/hours.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { expectWhole } from './support/consistency.ts';
import {
  baseItem, CLASSES, codeCell, coverageCells, csvCell, expectationOf, FILE_FIELDS, itemArb, respelled, storedMatches, TIMES, withCell,
  type Ids, type Item, type Medium, type Value,
} from './support/hostile.ts';
import { ingestOrg } from './support/org.ts';
import { fixedClock } from '../support/clock.ts';

const SEED = 20261127;
/** Files per medium, and rows per file: 360 random rows per run, besides one row per class and field. */
const FILES = 3;
const ROWS = 60;

let dir: string;
let database: TestDatabase;
let ids: Ids;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-fuzz-'));
  database = await testDatabase();
  await ingestOrg(database);
  const { db } = database;
  ids = {
    units: new Map((await db.unit.findMany()).map((u) => [u.code, u.id])),
    procedures: new Map((await db.procedure.findMany()).map((p) => [p.code === '1.001193' ? 'KS' : 'XD', p.id])),
  };
});
afterAll(async () => {
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cellsOf = (item: Item): Value[] => {
  const last = new Map(item.entries);
  return FILE_FIELDS.map((f) => last.get(f)?.value ?? null);
};

/** Writes the rows; returns the file and each row's number as a spreadsheet or an editor shows it. */
async function writeFile(medium: Medium, name: string, rows: Item[]): Promise<{ path: string; rowNumbers: number[] }> {
  const path = join(dir, `${name}.${medium}`);
  const rowNumbers: number[] = [];
  if (medium === 'csv') {
    const lines = [FILE_FIELDS.join(',')];
    let line = 2;
    for (const row of rows) {
      const text = cellsOf(row).map(csvCell).join(',');
      rowNumbers.push(line);
      line += 1 + (text.match(/\n/g)?.length ?? 0);
      lines.push(text);
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
  } else {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Hồ sơ');
    ws.addRow([...FILE_FIELDS]);
    rows.forEach((row, i) => {
      ws.addRow(cellsOf(row) as ExcelJS.CellValue[]);
      rowNumbers.push(i + 2);
    });
    await wb.xlsx.writeFile(path);
  }
  return { path, rowNumbers };
}

const seen = new Map<string, number>();
const count = (tag: string) => seen.set(tag, (seen.get(tag) ?? 0) + 1);

/** Imports the rows and checks the report and the store against what each row must give; returns how many rows it had to reject. */
async function importAndCheck(medium: Medium, name: string, rows: Item[]): Promise<number> {
  const { path, rowNumbers } = await writeFile(medium, name, rows);
  // Depends on issue 12 item 15 (h12-c2): an unexpected error in one row must be that row's rejection, never the import's end.
  const report = await importFile(database, {
    file: path, mapping: EMPTY_MAPPING, dryRun: false, createMissing: false, runSource: 'fuzz', now: TIMES.now, clock: fixedClock(TIMES.now),
    calendar: new WorkCalendar(), workingHours: DEFAULT_WORKING_HOURS, batchSize: 16,
  });

  const wanted = new Map<number, { exactly?: Set<string>; atLeast?: Set<string> }>();
  const good: number[] = [];
  const firstOf = new Map<string, number>();
  rows.forEach((row, i) => {
    const e = expectationOf(row);
    for (const tag of e.tags) count(tag);
    const at = rowNumbers[i]!;
    if (e.bad.size > 0) wanted.set(at, { exactly: e.bad });
    else if (e.range.size > 0) wanted.set(at, { atLeast: e.range });
    else if (firstOf.has(e.code!)) {
      wanted.set(at, { exactly: new Set(['MaHoSo']) });
      count('MaHoSo:duplicate');
    } else {
      firstOf.set(e.code!, i);
      if (e.unknown) wanted.set(at, { exactly: new Set([e.unknown]) });
      else good.push(i);
    }
  });

  expect(report.rows).toBe(rows.length);
  const got = new Map<number, Set<string>>();
  for (const p of report.rejected) {
    expect(p.reason, JSON.stringify(p)).toMatch(/\p{L}/u);
    got.set(p.row, (got.get(p.row) ?? new Set()).add(p.field));
  }
  expect([...got.keys()].sort((a, b) => a - b), name).toEqual([...wanted.keys()].sort((a, b) => a - b));
  for (const [row, w] of wanted) {
    if (w.exactly) expect(got.get(row), `${name}, row ${row}`).toEqual(w.exactly);
    else for (const f of w.atLeast!) expect(got.get(row), `${name}, row ${row}`).toContain(f);
  }
  expect(report.rejectedRows).toBe(wanted.size);
  // Every good row is in the store, as the file gives it.
  expect(report.inserted + report.updated + report.unchanged, name).toBe(good.length);
  const expected = good.map((i) => expectationOf(rows[i]!).stored!);
  const stored = await database.db.dossier.findMany({ where: { code: { in: expected.map((s) => s.code as string) } } });
  for (const s of expected) storedMatches(stored.find((d) => d.code === s.code), s, ids);
  return wanted.size;
}

/** A file's rows: random ones, and often the code of an earlier row again, padded or in NFD. */
const fileRows = (medium: Medium, prefix: string) =>
  fc.tuple(fc.array(itemArb(medium, codeCell(prefix, 15)), { minLength: ROWS, maxLength: ROWS }),
    fc.array(fc.nat(), { minLength: ROWS, maxLength: ROWS })).map(([rows, picks]) =>
    rows.map((row, i) => {
      if (i === 0 || picks[i]! % 5 !== 0) return row;
      const code = rows[picks[i]! % i]!.entries.find(([n]) => n === 'MaHoSo')?.[1];
      return code ? withCell(row, 'MaHoSo', respelled(code, picks[i]!)) : row;
    }),
  );

describe.each(['csv', 'xlsx'] as const)('fuzzing the import of %s files', (medium) => {
  it(`rejects only the hostile rows of one row per class and field, naming row and column, and keeps the good ones`, async () => {
    const rows = coverageCells(medium).flatMap(([field, cell], i) => [baseItem(`COV-${medium}-${i}`), withCell(baseItem(`COV-${medium}-${i}-b`), field, cell)]);
    await importAndCheck(medium, `coverage-${medium}`, rows);
  }, 120_000);

  it(`imports ${FILES} files of ${ROWS} random hostile rows (seed ${SEED}) exactly as each row must give`, async () => {
    seen.clear();
    let [file, rejected] = [0, 0];
    await fc.assert(
      fc.asyncProperty(fileRows(medium, `${medium}`), async (rows) => {
        file++;
        rejected += await importAndCheck(medium, `random-${medium}-${file}`, rows);
      }),
      { seed: SEED, numRuns: FILES, endOnFailure: true },
    );
    // The random rows hit each class the medium can carry (the coverage file has each in every field).
    // A CSV file here carries no broken Unicode (its reader judges the encoding of the whole file); an xlsx cell holds no NUL.
    const lost = medium === 'csv' ? ['not-utf8', 'lone-surrogate', 'replacement-char'] : ['not-utf8', 'nul'];
    const carried = CLASSES.filter((c) => !lost.includes(c));
    for (const cls of carried) {
      expect([...seen.keys()].filter((k) => k.endsWith(`:${cls}`)).length, cls).toBeGreaterThan(0);
    }
    expect(seen.get('MaHoSo:duplicate')).toBeGreaterThan(5);
    // At least 100 hostile rows per medium, 200 per run (besides the coverage files).
    expect(rejected).toBeGreaterThanOrEqual(100);
    await expectWhole(database);
  }, 120_000);
});
