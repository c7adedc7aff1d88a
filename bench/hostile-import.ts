// dunghan import against files built to exhaust memory: peak RSS and the importer's message.
// Generated into a temporary directory (never stored in git), each imported by the real CLI into a
// fresh SQLite file under /usr/bin/time -v:
//   - huge-strings.xlsx: a ~3.7 MB workbook whose xl/sharedStrings.xml inflates to ~3.8 GB of a few
//     huge strings (the file that took the importer to 4.6 GB);
//   - many-strings.xlsx: strings each under Excel's cell limit, gigabytes of them in all;
//   - one-line.csv: 300 MB on a single line (the file that took it to 1.9 GB);
//   - at-the-limits.xlsx: a workbook just inside the xlsx limits, read to its end (not hostile).
// Goal: every hostile file's peak ≤ 300 MB, each run ending with a clear message. For comparison,
// not hostile: the same CLI importing a 2-row CSV (what the process takes before any file is
// read), and a workbook just inside the limits read to its end (its peak is mostly garbage V8 has
// not collected yet: the import's live memory is bounded by the limits and the batch size).
// Run: npx tsx bench/hostile-import.ts [--keep]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { repeat, sheetRows, workbookParts, writeZip } from '../test/support/zip.ts';

const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
const BIN = fileURLToPath(new URL('../src/cli/bin.mjs', import.meta.url));
const GOAL_MB = 300;
const dir = mkdtempSync(join(tmpdir(), 'dunghan-hostile-'));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const HEADER = ['MaHoSo', 'MaTTHC', 'DonViXuLy', 'NgayTiepNhan', 'TrangThaiHoSo'];
const headerStrings = HEADER.map((h) => `<si><t>${h}</t></si>`);
const sheet = [sheetRows([HEADER.map((_, i) => ({ s: i })), [{ s: 5 }, { s: 6 }, { s: 7 }, '20261102090000', 4]])];

async function hugeStrings(path: string): Promise<number> {
  // Five strings of 760 MB each: 3.8 GB inflated, under the 4 GiB a zip entry can hold.
  const piece = 'A'.repeat(1 << 20);
  function* strings(): Generator<string | Buffer> {
    yield* headerStrings;
    for (let i = 0; i < 5; i++) {
      yield '<si><t>';
      yield* repeat(piece, 760);
      yield '</t></si>';
    }
  }
  return writeZip(path, workbookParts(sheet, strings()));
}

async function manyStrings(path: string): Promise<number> {
  // 16,000 strings of 200,000 characters (each under the 256 KiB a cell may take): 3.2 GB.
  return writeZip(path, workbookParts(sheet, [...headerStrings, ...repeat(`<si><t>${'B'.repeat(200_000)}</t></si>`, 16_000)]));
}

/** 195,000 rows, each with its own code and name: 390,000 shared strings (23 MB), just inside the limits. */
async function atTheLimits(path: string): Promise<number> {
  const ROWS = 195_000;
  function* rows(): Generator<string> {
    yield sheetRows([HEADER.map((_, i) => ({ s: i }))]);
    for (let r = 0; r < ROWS; r++) {
      const n = r + 2;
      yield `<row r="${n}"><c r="A${n}" t="s"><v>${5 + 2 * r}</v></c><c r="B${n}"><v>1.001193</v></c><c r="C${n}" t="s"><v>${6 + 2 * r}</v></c>`
        + `<c r="D${n}"><v>20261102090000</v></c><c r="E${n}"><v>4</v></c></row>`;
    }
  }
  function* strings(): Generator<string> {
    yield* headerStrings;
    for (let r = 0; r < ROWS; r++) {
      const n = String(r).padStart(6, '0');
      yield `<si><t>000.12.31.H55-261102-${n}</t></si><si><t>Đơn vị thử ${n} xã Bình Sơn</t></si>`;
    }
  }
  return writeZip(path, workbookParts(rows(), strings()));
}

async function oneLine(path: string): Promise<number> {
  const out = createWriteStream(path);
  const chunk = Buffer.from('MaHoSo,'.repeat(1 << 17)); // ~900 KB
  let size = 0;
  while (size < 300 * 1024 * 1024) {
    if (!out.write(chunk)) await once(out, 'drain');
    size += chunk.length;
  }
  out.end('\n');
  await once(out, 'finish');
  return size + 1;
}

function importUnderTime(file: string): { rssKb: number; seconds: string; code: number | null; message: string } {
  const db = join(dir, `${Date.now()}.db`);
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'import', file], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: `file:${db}`, LOG_LEVEL: 'warn', DUNGHAN_NO_PROGRESS: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const seconds = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)/.exec(r.stderr)?.[1] ?? '?';
  const exit = /Exit status: (\d+)/.exec(r.stderr)?.[1];
  // The importer's own lines come before /usr/bin/time's report.
  const message = `${r.stdout}${r.stderr.split('\tCommand being timed')[0]}`.replace(/^Command exited with non-zero status \d+$/m, '').trim();
  return { rssKb: Number(rss ?? 0), seconds, code: exit === undefined ? null : Number(exit), message };
}

if (!statSync('/usr/bin/time', { throwIfNoEntry: false })) {
  console.error('needs /usr/bin/time (Debian package "time")');
  process.exit(1);
}

const cases: { name: string; build: (path: string) => Promise<number>; inflated: string; hostile?: boolean }[] = [
  {
    name: 'baseline.csv',
    build: async (path) => {
      const out = createWriteStream(path);
      out.end(`${HEADER.join(',')}\nB-1,1.001193,000.12.31.H55,20261102090000,4\n`);
      await once(out, 'finish');
      return statSync(path).size;
    },
    inflated: '–',
  },
  { name: 'huge-strings.xlsx', build: hugeStrings, inflated: 'sharedStrings.xml 3.8 GB (5 strings of 760 MB)', hostile: true },
  { name: 'many-strings.xlsx', build: manyStrings, inflated: 'sharedStrings.xml 3.2 GB (16,000 strings of 200 KB)', hostile: true },
  { name: 'one-line.csv', build: oneLine, inflated: '300 MB, no line break', hostile: true },
  { name: 'at-the-limits.xlsx', build: atTheLimits, inflated: '195,000 rows, 390,000 shared strings (23 MB): read, every row rejected (no such unit)' },
];

let worst = 0;
try {
  for (const c of cases) {
    const path = join(dir, c.name);
    const started = performance.now();
    const size = await c.build(path);
    const built = ((performance.now() - started) / 1000).toFixed(1);
    const r = importUnderTime(path);
    if (c.hostile) worst = Math.max(worst, r.rssKb);
    console.log(`\n${c.name}: ${mb(size)} on disk (${c.inflated}), generated in ${built} s`);
    console.log(`  peak RSS ${(r.rssKb / 1024).toFixed(0)} MB${c.hostile ? ` (goal ≤ ${GOAL_MB} MB)` : ''}, ${r.seconds} wall, exit ${r.code}`);
    for (const line of r.message.split('\n').slice(0, 6)) console.log(`  │ ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
  }
  console.log(`\nworst peak RSS on a hostile file: ${(worst / 1024).toFixed(0)} MB — ${worst / 1024 <= GOAL_MB ? 'within' : 'OVER'} the ${GOAL_MB} MB goal`);
} finally {
  if (values.keep) console.log(`files kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
