// dunghan import on CSV exports as one-stop systems write them: DVCQG names or Vietnamese headers,
// BOM or not, commas or semicolons, a title above the header, blank lines, bad rows among good ones.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkCalendar } from '../../src/calendar/calendar.ts';
import { DEFAULT_WORKING_HOURS } from '../../src/calendar/hours.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { EMPTY_MAPPING } from '../../src/ingest/mapping.ts';
import { cli } from '../support/cli.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { expectWhole } from './support/consistency.ts';
import { ingestOrg, type IngestOrg } from './support/org.ts';
import { fixedClock } from '../support/clock.ts';

const NOW = new Date('2026-11-27T02:00:00Z'); // Friday 09:00 in Vietnam
const vn = (s: string) => new Date(`${s}+07:00`);

let dir: string;
let database: TestDatabase;
let org: IngestOrg;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dunghan-import-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(async () => {
  database = await testDatabase();
  org = await ingestOrg(database);
});
afterEach(async () => database.drop());

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const run = (args: string[], now = NOW) => cli(['import', ...args], { DATABASE_URL: database.url }, now);
const json = async (args: string[], now = NOW) => {
  const r = await run([...args, '--json'], now);
  return { code: r.code, err: r.err, report: JSON.parse(r.out) as Record<string, unknown> & { rejected: { row: number; field: string; value: string; reason: string }[]; warnings: { row: number; field: string; reason: string }[] } };
};

const DVCQG_HEADER = 'MaHoSo,MaTTHC,TenTTHC,MaLinhVuc,TenLinhVuc,DonViXuLy,KenhThucHien,NgayNopHoSo,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,TrangThaiHoSo,NgayYeuCauBoSung,NgayBoSung,SoLanYeuCauBoSung,DuocThanhToanTrucTuyen,PhiLePhi,HoSoCoThanhPhanSoHoa,DanhGiaHaiLong';
const dvcqgRows = (overrides: Record<number, string> = {}) => [
  // finished early, online, paid online, very satisfied
  '000.12.31.H55-261102-0001,1.001193,Đăng ký khai sinh,HT,Hộ tịch,000.12.31.H55,2,20261102080000,20261102090000,20261105170000,20261104100000,20261104150000,10,,,0,1,8000,1,3',
  // open and overdue (due Wed 25/11)
  '000.12.31.H55-261120-0002,1.001193,Đăng ký khai sinh,HT,Hộ tịch,000.12.31.H55,1,,20261120090000,20261125170000,,,4,,,0,0,0,0,',
  // waiting for the applicant's first supplement: the clock is stopped
  '000.00.12.H55-261123-0003,1.009972,"Cấp giấy phép xây dựng, nhà ở riêng lẻ",XD,Xây dựng,000.00.12.H55,2,,20261123100000,20261214170000,,,5,20261124090000,,1,0,75000,1,',
  // no NgayHenTra: computed from the procedure's 3 working days
  '000.12.31.H55-261125-0004,1.001193,Đăng ký khai sinh,HT,Hộ tịch,000.12.31.H55,3,,20261125140000,,,,2,,,,0,0,0,',
  // refused at once: an end status with its date
  '000.12.31.H55-261126-0005,1.001193,Đăng ký khai sinh,HT,Hộ tịch,000.12.31.H55,1,,20261126100000,20261201170000,20261126103000,,3,,,0,0,0,0,',
].map((line, i) => overrides[i + 1] ?? line);
const dvcqgCsv = (overrides?: Record<number, string>) => `${DVCQG_HEADER}\n${dvcqgRows(overrides).join('\n')}\n`;

describe('a DVCQG export (canonical names, commas, yyyyMMddHHmmss)', () => {
  it('imports every row, prints exactly the JSON summary, and derives deadlines and counters', async () => {
    const { code, report } = await json([file('dvcqg.csv', dvcqgCsv())]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ inserted: 5, updated: 0, unchanged: 0, rejected: [] });
    expect(Object.keys(report).slice(0, 4)).toEqual(['inserted', 'updated', 'unchanged', 'rejected']);

    const { db } = database;
    const byCode = new Map((await db.dossier.findMany()).map((d) => [d.code, d]));
    expect(byCode.get('000.12.31.H55-261102-0001')).toMatchObject({
      unitId: org.units['XBS-KT'], procedureId: org.procedures.KS, channel: 2, status: 10, result: 'early', paidOnline: true, feeAmount: 8000, digitized: true, satisfaction: 3,
      submittedAt: vn('2026-11-02T08:00:00'), receivedAt: vn('2026-11-02T09:00:00'), finishedAt: vn('2026-11-04T10:00:00'), returnedAt: vn('2026-11-04T15:00:00'), source: 'csv:dvcqg.csv',
    });
    expect(byCode.get('000.12.31.H55-261120-0002')).toMatchObject({ finishedAt: null, overdueFromDay: expect.any(Number), clockStopped: false });
    expect(byCode.get('000.00.12.H55-261123-0003')).toMatchObject({ unitId: org.units.XBS, status: 5, clockStopped: true, supplementCount: 1, waitingSince: vn('2026-11-24T09:00:00') });
    // Received Wed 25/11 14:00 + 3 working days → Mon 30/11 17:00.
    expect(byCode.get('000.12.31.H55-261125-0004')).toMatchObject({ dueAt: vn('2026-11-30T17:00:00'), dueAtOrigin: 'computed', channel: 3 });
    expect(byCode.get('000.12.31.H55-261126-0005')).toMatchObject({ status: 3, finishedAt: vn('2026-11-26T10:30:00'), result: 'early' });
    await expectWhole(database);

    const runs = await db.ingestRun.findMany();
    expect(runs).toMatchObject([{ source: 'import', kind: 'csv', status: 'succeeded', inserted: 5, rejected: 0, finishedAt: NOW }]);
    expect(await db.auditLog.count({ where: { action: 'import' } })).toBe(1);
  });

  it('changes nothing when the same file is imported again', async () => {
    const path = file('again.csv', dvcqgCsv());
    await run([path]);
    const { db } = database;
    const before = { events: await db.dossierEvent.count(), stats: await db.dailyStat.findMany({ orderBy: [{ unitId: 'asc' }, { day: 'asc' }] }), dossiers: await db.dossier.findMany({ orderBy: { id: 'asc' } }) };
    const { code, report } = await json([path], new Date(NOW.getTime() + 3_600_000));
    expect(code).toBe(0);
    expect(report).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, rejected: [] });
    expect(await db.dossierEvent.count()).toBe(before.events);
    expect(await db.dailyStat.findMany({ orderBy: [{ unitId: 'asc' }, { day: 'asc' }] })).toEqual(before.stats);
    expect(await db.dossier.findMany({ orderBy: { id: 'asc' } })).toEqual(before.dossiers);
  });

  it('records a status going backwards as an event and warns about it', async () => {
    await run([file('first.csv', dvcqgCsv())]);
    // The resolved dossier is reopened by the source (10 → 4).
    const reopened = '000.12.31.H55-261102-0001,1.001193,Đăng ký khai sinh,HT,Hộ tịch,000.12.31.H55,2,20261102080000,20261102090000,20261105170000,20261104100000,20261104150000,4,,,0,1,8000,1,3';
    const later = new Date(NOW.getTime() + 3_600_000);
    const { code, report } = await json([file('second.csv', dvcqgCsv({ 1: reopened }))], later);
    expect(code).toBe(0);
    expect(report).toMatchObject({ inserted: 0, updated: 1, unchanged: 4, rejected: [] });
    expect(report.warnings.map((w) => [w.row, w.field])).toEqual([[2, 'NgayKetThucXuLy'], [2, 'TrangThaiHoSo']]);
    expect(report.warnings[1]!.reason).toContain('lùi từ 10 (Đã trả kết quả) về 4 (Đang xử lý)');
    const d = await database.db.dossier.findUniqueOrThrow({ where: { code: '000.12.31.H55-261102-0001' }, include: { events: { orderBy: { id: 'asc' } } } });
    expect(d).toMatchObject({ status: 4, finishedAt: null, result: null });
    expect(d.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([['status', null, 10], ['status', 10, 4]]);
    expect(d.events.at(-1)!.at).toEqual(later);
    await expectWhole(database);

    // The same, as a person reads it.
    await run([file('third.csv', dvcqgCsv())], later);
    const text = await run([file('fourth.csv', dvcqgCsv({ 1: reopened }))], later);
    expect(text.code).toBe(0);
    expect(text.err).toContain('Lưu ý:\n  Dòng 2, cột NgayKetThucXuLy: trạng thái 4 (Đang xử lý) chưa kết thúc');
    expect(text.err).toContain('Dòng 2, cột TrangThaiHoSo ("4"): trạng thái lùi từ 10 (Đã trả kết quả) về 4 (Đang xử lý)');
  });

  it('follows supplement requests across imports: supplied, then a second request (overdue)', async () => {
    const code = '000.00.12.H55-261123-0003';
    await run([file('s1.csv', dvcqgCsv())]);
    const supplied = `${code},1.009972,x,XD,Xây dựng,000.00.12.H55,2,,20261123100000,20261214170000,,,4,20261124090000,20261125150000,1,0,75000,1,`;
    const r2 = await json([file('s2.csv', dvcqgCsv({ 3: supplied }))]);
    expect(r2.report).toMatchObject({ updated: 1, rejected: [] });
    let d = await database.db.dossier.findUniqueOrThrow({ where: { code }, include: { supplements: true } });
    expect(d).toMatchObject({ clockStopped: false, supplementCount: 1, waitingSince: null });
    // The pause (Tue 09:00 → Wed 15:00, 1 working day and 6 h) moved the due date later.
    expect(d.effectiveDueAt!.getTime()).toBeGreaterThan(vn('2026-12-14T17:00:00').getTime());

    const second = `${code},1.009972,x,XD,Xây dựng,000.00.12.H55,2,,20261123100000,20261214170000,,,5,20261126100000,,2,0,75000,1,`;
    const r3 = await json([file('s3.csv', dvcqgCsv({ 3: second }))]);
    expect(r3.report).toMatchObject({ updated: 1, rejected: [] });
    d = await database.db.dossier.findUniqueOrThrow({ where: { code }, include: { supplements: { orderBy: { seq: 'asc' } } } });
    expect(d.supplements.map((s) => [s.requestedAt, s.suppliedAt])).toEqual([
      [vn('2026-11-24T09:00:00'), vn('2026-11-25T15:00:00')],
      [vn('2026-11-26T10:00:00'), null],
    ]);
    // Decision 766: a pending second request counts as overdue.
    expect(d).toMatchObject({ supplementCount: 2, clockStopped: false, overdueFromDay: 0 });
    const kinds = (await database.db.dossierEvent.findMany({ where: { dossierId: d.id }, orderBy: { id: 'asc' } })).map((e) => e.kind);
    expect(kinds).toEqual(['status', 'supplement_supplied', 'status', 'supplement_requested', 'status']);
    await expectWhole(database);
  });
});

describe('a spreadsheet export with Vietnamese headers (BOM, semicolons, title rows, blank lines)', () => {
  const csv = [
    'DANH SÁCH HỒ SƠ TIẾP NHẬN THÁNG 11/2026;;;;;;;;;;;;;',
    'Đơn vị: Xã Bình Sơn – Quảng Ngãi;;;;;;;;;;;;;',
    ';;;;;;;;;;;;;',
    'STT;Mã hồ sơ;Mã thủ tục;Tên thủ tục;Đơn vị xử lý;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày kết thúc xử lý;Trạng thái;Phí, lệ phí (VNĐ);Thanh toán trực tuyến;Số hóa;Đánh giá',
    '1;000.00.12.H55-261102-0101;1.009972;"Cấp giấy phép xây dựng; nhà ở riêng lẻ";Phòng Kinh tế xã Bình Sơn;Trực tuyến;02/11/2026 08:30;23/11/2026;20/11/2026 16:00;Đã trả kết quả;75.000;Có;Có;Rất hài lòng',
    '2;000.00.12.H55-261124-0102;1.001193;Đăng ký khai sinh;000.12.31.H55;Trực tiếp;24/11/2026 14:15;27/11/2026 17:00;;Đang xử lý;0;Không;Không;',
    '',
    '3;000.00.12.H55-261125-0103;1.001193;"Đăng ký khai sinh ""lưu động""";XBS;Bưu chính công ích;25/11/2026 9h00;30/11/2026;;Yêu cầu bổ sung giấy tờ;8.000;Không;Có;',
    ';;;;;;;;;;;;;',
    '',
  ].join('\r\n');

  it('finds the header under the title, reads words and Vietnamese dates, and skips blank rows', async () => {
    const { code, report } = await json([file('vi.csv', `\uFEFF${csv}`)]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: [], rows: 3, blank: 2, ignoredColumns: ['STT'] });
    const rows = await database.db.dossier.findMany({ orderBy: { code: 'asc' } });
    expect(rows.map((d) => [d.code, d.unitId, d.channel, d.status, d.feeAmount, d.paidOnline, d.digitized, d.satisfaction])).toEqual([
      ['000.00.12.H55-261102-0101', org.units['XBS-KT'], 2, 10, 75_000, true, true, 3],
      ['000.00.12.H55-261124-0102', org.units['XBS-KT'], 1, 4, 0, false, false, null],
      ['000.00.12.H55-261125-0103', org.units.XBS, 3, 5, 8_000, false, true, null],
    ]);
    // A due date without a time is due at the end of the working day.
    expect(rows[0]).toMatchObject({ receivedAt: vn('2026-11-02T08:30:00'), dueAt: vn('2026-11-23T17:00:00'), finishedAt: vn('2026-11-20T16:00:00'), result: 'early' });
    expect(rows[2]!.receivedAt).toEqual(vn('2026-11-25T09:00:00'));
    await expectWhole(database);
  });

  it('reads the same file without BOM and with commas', async () => {
    // A header with a comma is quoted, as spreadsheets write it.
    const commas = csv.replace('Phí, lệ phí (VNĐ)', '"Phí, lệ phí (VNĐ)"').split('\r\n').map((l) => l.replace(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/g, ',')).join('\n');
    const { code, report } = await json([file('vi-commas.csv', commas)]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ inserted: 3, rejected: [] });
  });
});

describe('bad rows among good ones', () => {
  const lines = [
    'Mã hồ sơ;Mã thủ tục;Đơn vị xử lý;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Ngày kết thúc xử lý;Trạng thái;Ngày yêu cầu bổ sung;Ngày bổ sung',
    'HS-01;1.001193;000.12.31.H55;2;02/11/2026 09:00;05/11/2026;04/11/2026 10:00;10;;', // good
    'HS-02;1.001193;000.12.31.H55;2;31/02/2026 09:00;05/11/2026;;4;;', // bad date
    'HS-03;1.001193;000.99.99.H55;1;02/11/2026 09:00;05/11/2026;;4;;', // unknown unit
    'HS-04;9.999999;000.12.31.H55;1;02/11/2026 09:00;05/11/2026;;4;;', // unknown procedure
    'HS-05;1.001193;000.12.31.H55;1;27/11/2026 09:30;02/12/2026;;4;;', // received after now (09:00)
    'HS-01;1.001193;000.12.31.H55;2;03/11/2026 09:00;06/11/2026;;4;;', // duplicate of row 2
    'HS-07;1.001193;000.12.31.H55;1;02/11/2026 09:00;05/11/2026;;Đã trả kết quả;;', // end status without a date
    'HS-08;1.001193;000.12.31.H55;1;02/11/2026 09:00;05/11/2026;;4;;03/11/2026', // supplied without a request
    'HS-09;1.001193;000.12.31.H55;Fax;02/11/2026 09:00;01/11/2026;;4;;', // a bad channel (and a due date before receipt)
    'HS-10;1.001193;XBS;1;26/11/2026 15:00;01/12/2026;;4;;', // good
  ];

  it('reports each rejected row with its row, column (as in the file), value and a Vietnamese reason, and imports the rest', async () => {
    const path = file('bad.csv', `${lines.join('\n')}\n`);
    const { code, report } = await json([path]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 2, updated: 0, unchanged: 0, rejectedRows: 8 });
    expect(report.rejected.map((r) => [r.row, r.field, r.value])).toEqual([
      [3, 'Ngày tiếp nhận', '31/02/2026 09:00'],
      [4, 'Đơn vị xử lý', '000.99.99.H55'],
      [5, 'Mã thủ tục', '9.999999'],
      [6, 'Ngày tiếp nhận', '27/11/2026 09:30'],
      [7, 'Mã hồ sơ', 'HS-01'],
      [8, 'Ngày kết thúc xử lý', ''],
      [9, 'Ngày bổ sung', '03/11/2026'],
      // Cross-column rules (a due date before receipt) are checked once every column parses.
      [10, 'Hình thức nộp', 'Fax'],
    ]);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.row, r.reason]));
    expect(reasons[3]).toContain('không phải ngày giờ hợp lệ');
    expect(reasons[4]).toContain('không có đơn vị');
    expect(reasons[5]).toContain('không có thủ tục');
    expect(reasons[6]).toContain('ở tương lai');
    expect(reasons[7]).toBe('mã hồ sơ trùng với dòng 2 (chỉ dòng đầu tiên được nhập)');
    expect(reasons[8]).toContain('trạng thái kết thúc');
    expect(reasons[9]).toContain('không có ngày yêu cầu bổ sung');
    expect(await database.db.dossier.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).toEqual([{ code: 'HS-01' }, { code: 'HS-10' }]);
    const stored = await database.db.dossier.findUniqueOrThrow({ where: { code: 'HS-01' } });
    expect(stored.receivedAt).toEqual(vn('2026-11-02T09:00:00')); // the first HS-01, not the duplicate
    await expectWhole(database);

    const text = await run([path]);
    expect(text.code).toBe(1);
    expect(text.out).toContain('bỏ qua 8 dòng lỗi');
    expect(text.err).toContain('Dòng 3, cột Ngày tiếp nhận ("31/02/2026 09:00"): không phải ngày giờ hợp lệ');
    expect(text.err).toContain('Dòng 4, cột Đơn vị xử lý ("000.99.99.H55")');
  });

  it('creates missing units and procedures with --create-missing', async () => {
    const csv = [
      'MaHoSo,MaTTHC,TenTTHC,DonViXuLy,NgayTiepNhan,NgayHenTra,TrangThaiHoSo',
      'N-1,9.999999,Thủ tục mới,000.99.99.H55,20261102090000,20261105170000,4',
      'N-2,9.999999,Thủ tục mới,Phòng Văn hóa - Xã hội xã Bình Sơn,20261102090000,20261105170000,4',
      'N-3,9.999999,Thủ tục mới,000.99.99.H55,20261102090000,,4', // no due date, and the new procedure has no time limit
    ].join('\n');
    const { code, report } = await json([file('new.csv', csv), '--create-missing']);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 2, createdUnits: ['000.99.99.H55', 'Phòng Văn hóa - Xã hội xã Bình Sơn'], createdProcedures: ['9.999999'] });
    expect(report.rejected).toMatchObject([{ row: 4, field: 'NgayHenTra' }]);
    const unit = await database.db.unit.findUniqueOrThrow({ where: { agencyCode: '000.99.99.H55' } });
    expect(unit).toMatchObject({ code: '000.99.99.H55', kind: 'other', parentId: org.units.P });
    expect(await database.db.unit.findFirst({ where: { name: 'Phòng Văn hóa - Xã hội xã Bình Sơn' } })).toMatchObject({ code: 'phong-van-hoa-xa-hoi-xa-binh-son', agencyCode: null });
    expect(await database.db.procedure.findUniqueOrThrow({ where: { code: '9.999999' } })).toMatchObject({ name: 'Thủ tục mới', limitUnit: 'unknown' });
    await expectWhole(database);
  });

  it('writes nothing with --dry-run but says what would change', async () => {
    const { code, report } = await json([file('dry.csv', `${lines.join('\n')}\n`), '--dry-run', '--create-missing']);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 4, dryRun: true, createdUnits: ['000.99.99.H55'], createdProcedures: ['9.999999'] });
    expect(await database.db.dossier.count()).toBe(0);
    expect(await database.db.unit.count()).toBe(4);
    expect(await database.db.ingestRun.count()).toBe(0);
    expect(await database.db.dailyStat.count()).toBe(0);
  });
});

describe('other exports and broken files', () => {
  it('reads an export with its own headers and words through a mapping file', async () => {
    const mapping = file('map.json', JSON.stringify({
      columns: { 'Số HS': 'MaHoSo', 'Mã TT': 'MaTTHC', 'Cơ quan': 'DonViXuLy', 'Nhận lúc': 'NgayTiepNhan', 'Hẹn': 'NgayHenTra', 'Xong lúc': 'NgayKetThucXuLy', 'TT': 'TrangThaiHoSo', 'Nguồn': 'KenhThucHien' },
      statuses: { 'Hoàn thành': 10, 'Đang giải quyết': 4 },
      channels: { 'Cổng DVC': 2 },
    }));
    const csv = 'Số HS,Mã TT,Cơ quan,Nhận lúc,Hẹn,Xong lúc,TT,Nguồn\nM-1,1.001193,XBS-KT,2026-11-02T09:00:00+07:00,2026-11-05T17:00:00+07:00,2026-11-03T10:00:00+07:00,Hoàn thành,Cổng DVC\nM-2,1.001193,XBS-KT,2026-11-20T02:00:00Z,,,Đang giải quyết,Cổng DVC\n';
    const { code, report } = await json([file('other.csv', csv), '--mapping', mapping]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ inserted: 2, rejected: [] });
    expect(await database.db.dossier.findUniqueOrThrow({ where: { code: 'M-1' } })).toMatchObject({ status: 10, channel: 2, result: 'early' });
    expect(await database.db.dossier.findUniqueOrThrow({ where: { code: 'M-2' } })).toMatchObject({ status: 4, receivedAt: vn('2026-11-20T09:00:00'), dueAtOrigin: 'computed' });
  });

  it('refuses a bad mapping file, naming the key', async () => {
    const mapping = file('bad-map.json', JSON.stringify({ columns: { 'Số HS': 'SoHoSo' } }));
    const r = await run([file('x.csv', 'a,b\n'), '--mapping', mapping]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('columns.Số HS');
  });

  it('names the missing required columns', async () => {
    const r = await run([file('missing.csv', 'Mã hồ sơ,Ngày tiếp nhận,Trạng thái,Ghi chú\nA,20261102090000,4,x\n')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Tệp thiếu cột bắt buộc: MaTTHC, DonViXuLy');
    expect(await database.db.ingestRun.count()).toBe(0);
  });

  it('refuses a file that is not UTF-8 (a legacy Vietnamese code page)', async () => {
    const latin = Buffer.from('M\xe3 h\xf4 s\xf4,M\xe3 th\xf1 t\xf1c,\xd0\xf5n v\xef\nA,B,C\n', 'latin1');
    const r = await run([file('cp1258.csv', latin)]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('không phải văn bản UTF-8');
  });

  it('says so when there is no header row', async () => {
    const r = await run([file('noheader.csv', '1,2,3\n4,5,6\n')]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không tìm thấy dòng tiêu đề');
  });

  it('refuses a file it cannot read or whose kind it does not know', async () => {
    expect((await run([join(dir, 'nope.csv')])).err).toContain('Không đọc được tệp');
    expect((await run([file('x.pdf', 'x')])).err).toContain('cần tệp .csv hoặc .xlsx');
    expect((await run([])).code).toBe(2);
  });
});

describe('hostile values in a file (issue 12, items 11 and 13)', () => {
  it('rejects only the rows with a prototype name or -1 as a value, naming row and column, and imports the 20 good rows around them', async () => {
    const header = 'MaHoSo,MaTTHC,DonViXuLy,KenhThucHien,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,DanhGiaHaiLong,HoSoCoThanhPhanSoHoa,DuocThanhToanTrucTuyen';
    const good = (i: number) => `G-${i},1.001193,000.12.31.H55,2,20261120090000,20261125170000,4,,0,0`;
    const bad = [
      'B-1,1.001193,000.12.31.H55,2,20261120090000,20261125170000,constructor,,0,0',
      'B-2,1.001193,000.12.31.H55,Constructor,20261120090000,20261125170000,4,,0,0',
      'B-3,1.001193,000.12.31.H55,2,20261120090000,20261125170000,4,CONSTRUCTOR,0,0',
      'B-4,1.001193,000.12.31.H55,2,20261120090000,20261125170000,4,,-1,0',
      'B-5,1.001193,000.12.31.H55,2,20261120090000,20261125170000,4,,0,-1',
      'B-6,1.001193,000.12.31.H55,2,2026-11-20T09:00:00+99:99,20261125170000,4,,0,0',
    ];
    const lines = [...Array.from({ length: 10 }, (_, i) => good(i)), ...bad, ...Array.from({ length: 10 }, (_, i) => good(10 + i))];
    const { code, report } = await json([file('hostile.csv', `${header}\n${lines.join('\n')}\n`)]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ inserted: 20 });
    expect(report.rejected.map((p) => [p.row, p.field, p.value])).toEqual([
      [12, 'TrangThaiHoSo', 'constructor'], [13, 'KenhThucHien', 'Constructor'], [14, 'DanhGiaHaiLong', 'CONSTRUCTOR'],
      [15, 'HoSoCoThanhPhanSoHoa', '-1'], [16, 'DuocThanhToanTrucTuyen', '-1'], [17, 'NgayTiepNhan', '2026-11-20T09:00:00+99:99'],
    ]);
    const codes = (await database.db.dossier.findMany({ select: { code: true } })).map((d) => d.code);
    expect(codes.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `G-${i}`).sort());
    await expectWhole(database);
  });
});

describe('an interrupted import (Ctrl-C)', () => {
  it('stops after the batch being written, leaves every dossier whole, and says where it stopped', async () => {
    const header = 'MaHoSo,MaTTHC,DonViXuLy,NgayTiepNhan,NgayHenTra,TrangThaiHoSo,NgayYeuCauBoSung,SoLanYeuCauBoSung';
    const rows = Array.from({ length: 95 }, (_, i) => `I-${i},1.001193,000.12.31.H55,202611${String(2 + (i % 20)).padStart(2, '0')}090000,20261126170000,${i % 3 === 0 ? 5 : 4},${i % 3 === 0 ? `202611${String(2 + (i % 20)).padStart(2, '0')}100000` : ''},${i % 3 === 0 ? 1 : 0}`);
    const path = file('ctrlc.csv', `${header}\n${rows.join('\n')}\n`);
    const controller = new AbortController();
    const report = await importFile(database, {
      file: path, mapping: EMPTY_MAPPING, dryRun: false, createMissing: false, runSource: 'import', now: NOW, clock: fixedClock(NOW),
      calendar: new WorkCalendar(), workingHours: DEFAULT_WORKING_HOURS, signal: controller.signal, batchSize: 20,
      onProgress: (p) => {
        if (p.inserted >= 40) controller.abort();
      },
    });
    expect(report).toMatchObject({ interrupted: true, inserted: 40, lastCommittedRow: 41 });
    expect(await database.db.dossier.count()).toBe(40);
    expect(await database.db.ingestRun.findFirst()).toMatchObject({ status: 'interrupted', inserted: 40 });
    await expectWhole(database);
  });
});
