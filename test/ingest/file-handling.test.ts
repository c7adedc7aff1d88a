// dunghan import on files as they really arrive, and as an attacker would make them: legacy code
// pages (Windows-1258/1252), bytes that are not UTF-8 deep in a file, a row that cannot be read or
// written among good ones, lines and workbooks built to exhaust memory. One bad row never costs the
// good rows around it; a file refused for its encoding or its size changes nothing.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatInt } from '../../src/i18n/format.ts';
import { cli } from '../support/cli.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { repeat, sheetRows, workbookParts, writeZip, type XCell } from '../support/zip.ts';
import { expectWhole } from './support/consistency.ts';
import { failInsertOf } from './support/fail-insert.ts';
import { ingestOrg } from './support/org.ts';

const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 09:00 in Vietnam

let dir: string;
let database: TestDatabase;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-files-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  database = await testDatabase();
  await ingestOrg(database);
});
afterEach(async () => database.drop());

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
type Report = Record<string, unknown> & { inserted: number; rejectedRows: number; rejected: { row: number; field: string; value: string; reason: string }[] };
const run = (args: string[]) => cli(['import', ...args], { DATABASE_URL: database.url }, NOW);
const json = async (args: string[]) => {
  const r = await run([...args, '--json']);
  return { code: r.code, err: r.err, report: JSON.parse(r.out || '{}') as Report };
};

/**
 * Text as a Windows-125x export writes it: a letter the code page has is one byte; otherwise its
 * base letter (with the circumflex, breve or horn when the code page has that) and a combining tone mark.
 */
function legacy(encoding: 'windows-1258' | 'windows-1252', text: string): Buffer {
  const decoder = new TextDecoder(encoding);
  const byte = new Map<string, number>();
  for (let b = 0; b < 256; b++) byte.set(decoder.decode(Uint8Array.of(b)), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = byte.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const [base, ...marks] = [...ch.normalize('NFD')];
    const i = marks.findIndex((m) => byte.has(`${base}${m}`.normalize('NFC')));
    const parts = i === -1 ? [base!, ...marks] : [`${base}${marks[i]}`.normalize('NFC'), ...marks.filter((_, j) => j !== i)];
    for (const p of parts) {
      const b = byte.get(p);
      if (b === undefined) throw new Error(`${ch} cannot be written in ${encoding}`);
      out.push(b);
    }
  }
  return Buffer.from(out);
}

const HEADER = 'MaHoSo,MaTTHC,DonViXuLy,NgayTiepNhan,TrangThaiHoSo';
const good = (i: number) => `R-${String(i).padStart(3, '0')},1.001193,000.12.31.H55,20261102090000,4`;
/** A header, 20 good rows, the given line (row 22), 20 good rows. */
const around = (bad: string) => {
  const rows = [...Array.from({ length: 20 }, (_, i) => good(i)), bad, ...Array.from({ length: 20 }, (_, i) => good(21 + i))];
  return `${HEADER}\n${rows.join('\n')}\n`;
};

describe('encodings', () => {
  it('refuses a file with non-UTF-8 bytes past its first 64 KiB, naming the byte, the line and the code page it looks like; nothing is imported', async () => {
    const head = `${HEADER},TenTTHC\n${Array.from({ length: 1_000 }, (_, i) => `${good(i)},Đăng ký khai sinh`).join('\n')}\n`;
    const before = Buffer.from(`${good(1_000)},`);
    const content = Buffer.concat([Buffer.from(head), before, legacy('windows-1258', 'Đăng ký kết hôn'), Buffer.from('\n')]);
    expect(Buffer.byteLength(head)).toBeGreaterThan(64 * 1024);
    const r = await run([file('deep.csv', content)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`không phải văn bản UTF-8 (byte thứ ${formatInt(Buffer.byteLength(head) + before.length)}, dòng 1.002)`);
    expect(r.err).toContain('có vẻ dùng bảng mã windows-1258');
    expect(r.err).toContain('--encoding windows-1258');
    expect(await database.db.dossier.count()).toBe(0);
    expect(await database.db.ingestRun.count()).toBe(0);
  });

  it('converts a Windows-1258 export with --encoding windows-1258: Vietnamese headers are found, names and units read, text stored as NFC', async () => {
    const lines = [
      'Mã hồ sơ;Mã thủ tục;Tên thủ tục;Đơn vị xử lý;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái;ChuHoSo',
      'V-1;2.000001;Chứng thực bản sao điện tử;Phòng Kinh tế xã Bình Sơn;24/11/2026 14:15;01/12/2026;Đang xử lý;Nguyễn Thị Ánh Tuyết',
      'V-2;1.001193;Đăng ký khai sinh;Xã Bình Sơn;25/11/2026 09:00;;Đang xử lý;Trần Văn Đức',
    ];
    const path = file('cp1258.csv', legacy('windows-1258', `${lines.join('\r\n')}\r\n`));
    // Without --encoding the file is refused whole and its code page named.
    const refused = await run([path]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('windows-1258');

    const { code, report } = await json([path, '--encoding', 'windows-1258', '--create-missing']);
    expect(report.rejected).toEqual([]);
    expect(code).toBe(0);
    expect(report.inserted).toBe(2);
    const d = await database.db.dossier.findUniqueOrThrow({ where: { code: 'V-1' }, include: { unit: true, procedure: true } });
    expect(d.unit.code).toBe('XBS-KT');
    expect(d.procedure.name).toBe('Chứng thực bản sao điện tử');
    expect(d.applicantName).toBe('Nguyễn Thị Ánh Tuyết');
    const v2 = await database.db.dossier.findUniqueOrThrow({ where: { code: 'V-2' }, include: { unit: true } });
    expect([v2.unit.code, v2.status, v2.applicantName]).toEqual(['XBS', 4, 'Trần Văn Đức']);
  });

  it('says a Western export looks like Windows-1252 and converts it with --encoding windows-1252', async () => {
    const content = Buffer.concat([Buffer.from(`${HEADER},TenTTHC\n${good(1)},`), legacy('windows-1252', 'Café crème'), Buffer.from('\n')]);
    const path = file('cp1252.csv', content);
    const refused = await run([path]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('có vẻ dùng bảng mã windows-1252');
    const { code, report } = await json([path, '--encoding', 'windows-1252']);
    expect(code).toBe(0);
    expect(report.inserted).toBe(1);
  });

  it('refuses to convert a file that is already UTF-8 (it would garble its Vietnamese), and names an unknown encoding', async () => {
    const path = file('utf8.csv', `${HEADER},TenTTHC\n${good(1)},Đăng ký khai sinh\n`);
    const r = await run([path, '--encoding', 'windows-1258']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('là văn bản UTF-8, không phải windows-1258');
    expect(await database.db.dossier.count()).toBe(0);

    const bad = await run([path, '--encoding', 'tcvn3']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Bảng mã "tcvn3" không được hỗ trợ: dùng utf-8, windows-1258 hoặc windows-1252.');
  });
});

describe('line numbers', () => {
  it('stay right across a quoted field spanning lines, with CRLF or old-Mac CR line breaks', async () => {
    const lines = (eol: string) => [
      `${HEADER},Ghi chú`, `${good(1)},một dòng`, `${good(2)},"ghi chú${eol}hai dòng, có dấu ""phẩy"""`,
      'R-003,1.001193,000.12.31.H55,31/02/2026,4,', `${good(4)},`,
    ];
    for (const [name, eol] of [['lf.csv', '\n'], ['crlf.csv', '\r\n'], ['cr.csv', '\r']] as const) {
      const { report } = await json([file(name, `${lines(eol).join(eol)}${eol}`)]);
      // The same three dossiers each time: new the first time, unchanged after.
      expect(report).toMatchObject({ ...(eol === '\n' ? { inserted: 3 } : { unchanged: 3 }), rejectedRows: 1, ignoredColumns: ['Ghi chú'] });
      expect(report.rejected.map((p) => [p.row, p.field, p.value])).toEqual([[5, 'NgayTiepNhan', '31/02/2026']]);
    }
  });
});

describe('one bad row among good ones', () => {
  it('an unexpected error writing one row rejects that row alone: the 20 rows before it and the 20 after are imported', async () => {
    await failInsertOf(database, 'R-020');
    const { code, report } = await json([file('write-fails.csv', around(good(20)))]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 40, rejectedRows: 1 });
    const reason = expect.stringContaining('lỗi không lường trước khi xử lý dòng này');
    expect(report.rejected).toEqual([{ row: 22, field: 'MaHoSo', value: 'R-020', reason }]);
    // The database's own words, not Prisma's wrapper.
    expect(report.rejected[0]!.reason).toContain('simulated write failure');
    expect(await database.db.dossier.count()).toBe(40);
    expect(await database.db.ingestRun.findFirst()).toMatchObject({ status: 'succeeded', inserted: 40, rejected: 1 });
    await expectWhole(database);
  });

  it('stops after 100 rows failing unexpectedly (the cause is then not in the rows), saying so; what was written stays', async () => {
    await failInsertOf(database, 'BAD-%');
    const bad = Array.from({ length: 101 }, (_, i) => `BAD-${i},1.001193,000.12.31.H55,20261102090000,4`);
    const r = await run([file('failing.csv', `${HEADER}\n${[...Array.from({ length: 20 }, (_, i) => good(i)), ...bad, good(20)].join('\n')}\n`)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Hơn 100 dòng gặp lỗi không lường trước (lỗi gần nhất: ');
    expect(r.out).toContain('mới 20');
    expect(await database.db.dossier.count()).toBe(20);
    expect(await database.db.ingestRun.findFirst()).toMatchObject({ status: 'failed', inserted: 20, rejected: 101 });
    await expectWhole(database);
  });

  it('a status written "constructor" rejects its row only; the 40 others are imported', async () => {
    const { code, report } = await json([file('constructor.csv', around('R-020,1.001193,000.12.31.H55,20261102090000,constructor'))]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 40, rejectedRows: 1 });
    expect(report.rejected.map((p) => p.row)).toEqual([22]);
    await expectWhole(database);
  });

  it('a quote never closed makes its row unreadable, reported by its line; the rows after it are still read', async () => {
    const { code, report } = await json([file('quote.csv', around('R-020,1.001193,"000.12.31.H55,20261102090000,4'))]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 40, rejectedRows: 1 });
    expect(report.rejected).toEqual([{ row: 22, field: '', value: '', reason: expect.stringContaining('không đọc được dòng này theo định dạng CSV') }]);

    // As a person reads it: the line, and why.
    const text = await run([file('quote.csv', around('R-020,1.001193,"000.12.31.H55,20261102090000,4'))]);
    expect(text.err).toMatch(/^ {2}Dòng 22: không đọc được dòng này theo định dạng CSV/m);
  });

  it('a line over 1 MiB is skipped without being held and reported by its line; the rows around it are imported', async () => {
    const { code, report } = await json([file('long-line.csv', around(`R-020,1.001193,000.12.31.H55,20261102090000,4,${'x'.repeat(1_100_000)}`))]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 40, rejectedRows: 1 });
    const reason = 'dòng dài hơn 1.048.576 byte, không đọc được (tệp hỏng hoặc không phải bảng CSV)';
    expect(report.rejected).toEqual([{ row: 22, field: '', value: '', reason }]);
  });
});

describe('files built to exhaust memory', () => {
  it('a CSV that is one 2 MiB line ends at once with a clear message: no header, the line unreadable', async () => {
    const r = await run([file('one-line.csv', `MaHoSo,${'a,'.repeat(1 << 20)}\n`)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không tìm thấy dòng tiêu đề');
    expect(r.err).toContain('Dòng đầu tiên: dòng 1 — dòng dài hơn 1.048.576 byte, không đọc được');
    expect(r.err.length).toBeLessThan(1_000);
  });

  const header: XCell[] = [{ s: 0 }, { s: 1 }, { s: 2 }, { s: 3 }, { s: 4 }];
  const headerStrings = ['MaHoSo', 'MaTTHC', 'DonViXuLy', 'NgayTiepNhan', 'TrangThaiHoSo'].map((h) => `<si><t>${h}</t></si>`);
  const dataRow: XCell[] = ['X-1', '1.001193', '000.12.31.H55', '20261102090000', 4];
  const workbook = async (name: string, rows: Iterable<string | Buffer>, strings: Iterable<string | Buffer>) => {
    const path = join(dir, name);
    await writeZip(path, workbookParts(rows, strings));
    return path;
  };
  const refusedWith = async (path: string, what: string) => {
    const r = await run([path]);
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain('vượt giới hạn an toàn khi đọc');
    expect(r.err).toContain(what);
    expect(r.err).toContain('Không dòng nào được nhập');
    expect(await database.db.dossier.count()).toBe(0);
    expect(await database.db.ingestRun.count()).toBe(0);
  };

  it('reads a workbook laid out as Excel writes it (shared strings first)', async () => {
    const path = await workbook('plain.xlsx', [sheetRows([header, dataRow])], headerStrings);
    const { code, report } = await json([path]);
    expect(code).toBe(0);
    expect(report.inserted).toBe(1);
  });

  it('refuses a workbook whose shared-string table inflates past 24 MiB from a zip of a few hundred KB', async () => {
    const path = await workbook('bomb.xlsx', [sheetRows([header, dataRow])], [...headerStrings, ...repeat(`<si><t>${'A'.repeat(200_000)}</t></si>`, 130)]);
    expect(statSync(path).size).toBeLessThan(512 * 1024);
    await refusedWith(path, 'bảng chuỗi dùng chung (xl/sharedStrings.xml) lớn hơn 24 MiB khi giải nén');
  });

  it('refuses a cell longer than Excel allows, naming the part', async () => {
    const path = await workbook('long-cell.xlsx', [sheetRows([header, dataRow])], [...headerStrings, `<si><t>${'A'.repeat(300_000)}</t></si>`]);
    await refusedWith(path, 'một ô hoặc thẻ trong xl/sharedStrings.xml dài hơn 256 KiB');
  });

  it('refuses a table of more than 400,000 shared strings, and a row of more than 16,384 cells', async () => {
    const many = await workbook('many-strings.xlsx', [sheetRows([header, dataRow])], [...headerStrings, ...repeat('<si><t>x</t></si>', 400_000)]);
    await refusedWith(many, 'bảng chuỗi dùng chung (xl/sharedStrings.xml) có hơn 400.000 chuỗi');
    const wide = await workbook('wide-row.xlsx', [sheetRows([header]), '<row r="2">', ...repeat('<c><v>1</v></c>', 16_385), '</row>'], headerStrings);
    await refusedWith(wide, 'dòng thứ 2 trong xl/worksheets/sheet1.xml có hơn 16.384 ô');
  });
});
