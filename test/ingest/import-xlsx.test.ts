// dunghan import on a real .xlsx written with exceljs: Excel dates (serial numbers with a date
// format), numbers, rich text and formulas, a title above the header, blank and bad rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { expectWhole } from './support/consistency.ts';
import { ingestOrg, type IngestOrg } from './support/org.ts';

const NOW = new Date('2026-11-27T02:00:00Z');
const vn = (s: string) => new Date(`${s}+07:00`);
/** A wall-clock time as exceljs writes it into a cell (Excel has no time zones). */
const cellTime = (s: string) => new Date(`${s}Z`);

let dir: string;
let database: TestDatabase;
let org: IngestOrg;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-xlsx-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  database = await testDatabase();
  org = await ingestOrg(database);
});
afterEach(async () => database.drop());

async function workbook(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

function exportSheet(ws: ExcelJS.Worksheet): void {
  ws.addRow(['BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ']);
  ws.mergeCells('A1:H1');
  ws.addRow(['Kỳ báo cáo: tháng 11/2026']);
  ws.addRow(['STT', 'Mã hồ sơ', 'Mã thủ tục', 'Đơn vị xử lý', 'Hình thức nộp', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Ngày kết thúc xử lý', 'Trạng thái', 'Phí, lệ phí', 'Số hóa']);
  ws.addRow([1, 'X-001', '1.001193', '000.12.31.H55', 2, cellTime('2026-11-02T08:30:00'), cellTime('2026-11-05T17:00:00'), cellTime('2026-11-04T10:15:00'), 10, 8000, true]);
  ws.addRow([2, 'X-002', '1.001193', { richText: [{ text: '000.12.' }, { font: { bold: true }, text: '31.H55' }] }, 'Trực tuyến', cellTime('2026-11-24T14:00:00'), cellTime('2026-11-27T17:00:00'), null, 'Đang xử lý', { formula: '2*4000', result: 8000 }, 'Có']);
  ws.addRow([]);
  ws.addRow([3, 'X-003', '1.009972', 'XBS', 1, '24/11/2026 09:00', null, null, 4, 0, 0]);
  ws.addRow([4, 'X-001', '1.001193', '000.12.31.H55', 2, cellTime('2026-11-03T08:30:00'), cellTime('2026-11-06T17:00:00'), null, 4, 0, false]);
  ws.addRow([5, 'X-005', '1.001193', '000.12.31.H55', 2, 'ngày 2 tháng 11', cellTime('2026-11-06T17:00:00'), null, 4, 0, false]);
  ws.getColumn(6).numFmt = 'dd/mm/yyyy hh:mm';
  ws.getColumn(7).numFmt = 'dd/mm/yyyy hh:mm';
  ws.getColumn(8).numFmt = 'dd/mm/yyyy hh:mm';
}

describe('an xlsx export', () => {
  it('reads Excel dates as Vietnamese time, numbers, rich text and formulas; reports bad and duplicate rows by their Excel row', async () => {
    const path = await workbook('export.xlsx', (wb) => exportSheet(wb.addWorksheet('Hồ sơ')));
    const r = await cli(['import', path, '--json'], { DATABASE_URL: database.url }, NOW);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    // (An empty row is not stored in an xlsx file at all: row 7 is simply absent.)
    expect(report).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rows: 5, blank: 0, rejectedRows: 2 });
    expect(report.rejected.map((p: { row: number; field: string; value: string }) => [p.row, p.field, p.value])).toEqual([
      [8, 'Mã hồ sơ', 'X-001'],
      [9, 'Ngày tiếp nhận', 'ngày 2 tháng 11'],
    ]);
    const byCode = new Map((await database.db.dossier.findMany()).map((d) => [d.code, d]));
    expect(byCode.get('X-001')).toMatchObject({ receivedAt: vn('2026-11-02T08:30:00'), dueAt: vn('2026-11-05T17:00:00'), finishedAt: vn('2026-11-04T10:15:00'), status: 10, result: 'early', channel: 2, feeAmount: 8000, digitized: true, unitId: org.units['XBS-KT'] });
    expect(byCode.get('X-002')).toMatchObject({ receivedAt: vn('2026-11-24T14:00:00'), unitId: org.units['XBS-KT'], channel: 2, status: 4, feeAmount: 8000, digitized: true });
    // No due date: the procedure's 15 working days from Tue 24/11.
    expect(byCode.get('X-003')).toMatchObject({ receivedAt: vn('2026-11-24T09:00:00'), dueAtOrigin: 'computed', unitId: org.units.XBS, procedureId: org.procedures.XD });
    await expectWhole(database);

    const again = await cli(['import', path, '--json'], { DATABASE_URL: database.url }, NOW);
    expect(JSON.parse(again.out)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await database.db.ingestRun.findMany({ select: { kind: true, status: true } })).toEqual([{ kind: 'xlsx', status: 'succeeded' }, { kind: 'xlsx', status: 'succeeded' }]);
  });

  it('reads the worksheet the mapping names', async () => {
    const path = await workbook('two-sheets.xlsx', (wb) => {
      wb.addWorksheet('Ghi chú').addRow(['Tệp xuất từ hệ thống một cửa']);
      exportSheet(wb.addWorksheet('Hồ sơ'));
    });
    const first = await cli(['import', path], { DATABASE_URL: database.url }, NOW);
    expect(first.code).toBe(1);
    expect(first.err).toContain('Không tìm thấy dòng tiêu đề');
    const mapping = join(dir, 'sheet.json');
    writeFileSync(mapping, JSON.stringify({ sheet: 'Hồ sơ' }));
    const second = await cli(['import', path, '--mapping', mapping, '--json'], { DATABASE_URL: database.url }, NOW);
    expect(JSON.parse(second.out)).toMatchObject({ inserted: 3 });
    writeFileSync(mapping, JSON.stringify({ sheet: 3 }));
    expect((await cli(['import', path, '--mapping', mapping], { DATABASE_URL: database.url }, NOW)).err).toContain('không có trang tính 3');
  });

  it('refuses a file that is not a workbook', async () => {
    const path = join(dir, 'fake.xlsx');
    writeFileSync(path, 'Mã hồ sơ,Mã thủ tục\n');
    const r = await cli(['import', path], { DATABASE_URL: database.url }, NOW);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không phải tệp Excel .xlsx hợp lệ');
  });
});
