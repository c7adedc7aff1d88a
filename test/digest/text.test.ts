// Golden texts of the digest on a hand-made area (test/digest/fixture.ts): every number below
// was worked out by hand from the fixture's dossiers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeDigest } from '../../src/digest/compose.ts';
import { CAPTION_MAX, delta } from '../../src/digest/text.ts';
import { lastWeek } from '../../src/rates/period.ts';
import { loadUnitTree, type UnitTree } from '../../src/org/tree.ts';
import { testDatabase, type TestDatabase } from '../support/database.ts';
import { buildArea, MONDAY } from './fixture.ts';
import { builderAt } from './support.ts';

let database: TestDatabase;
let tree: UnitTree;
const week = lastWeek(MONDAY);

beforeAll(async () => {
  database = await testDatabase();
  await buildArea(database);
  tree = await loadUnitTree(database.db);
});
afterAll(async () => database.drop());

const digest = async (kind: 'area' | 'unit', code: string, now = MONDAY, period = week) =>
  composeDigest(await builderAt(database, now), kind, tree.byCode.get(code)!, period);

describe('the area digest', () => {
  it('matches the golden text', async () => {
    const d = await digest('area', 'P');
    expect(d.text).toBe(`📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Tỉnh Thử
Tuần 16/11/2026 – 22/11/2026 · số liệu lúc 23:59 22/11/2026

Trong tuần (so với tuần trước):
• Đúng hạn: 70,83% ▲ 10,83 điểm
• Nộp trực tuyến: 68,18% ▼ 6,82 điểm
• Số hóa: 31,82% ▲ 31,82 điểm
• Hài lòng: 66,67% (kỳ trước chưa có số liệu)
• Tiếp nhận: 22 hồ sơ (trực tuyến 15, trực tiếp 6, bưu chính 1); kỳ trước chuyển sang 2
• Đã giải quyết: 20 hồ sơ (trước hạn 11, đúng hạn 4, quá hạn 5)
• Còn đang giải quyết: 1 trong hạn, 2 quá hạn; chờ công dân bổ sung 1
• Thanh toán trực tuyến: 2 hồ sơ, 150.000 đồng

Từ đầu năm (01/01/2026 – 22/11/2026):
• Đúng hạn 71,43% · Trực tuyến 64,29% · Số hóa 25,00% · Hài lòng 66,67%
• Tiếp nhận 28 · Đã giải quyết 24 (quá hạn 6) · Thanh toán trực tuyến: 2 hồ sơ, 150.000 đồng

🏆 Xếp hạng tỷ lệ đúng hạn trong tuần:
Khối sở, ngành (2 đơn vị có hồ sơ):
1. Sở Tư pháp: 100,00% (1 hồ sơ)
2. Sở Xây dựng: 0,00% (1 hồ sơ)
Khối xã, phường (7 đơn vị có hồ sơ):
1. Xã Bình Minh: 100,00% (1 hồ sơ)
1. Xã Lý Sơn: 100,00% (3 hồ sơ)
3. Xã Hòa Vang: 83,33% (6 hồ sơ)
…
4. Xã Cẩm Thành: 75,00% (4 hồ sơ)
6. Xã Đức Phổ: 33,33% (3 hồ sơ)
7. Xã Kỳ Sơn: 0,00% (1 hồ sơ)

⏰ Hồ sơ quá hạn chưa giải quyết xong lúc 23:59 22/11/2026: 2 hồ sơ, trong đó 1 hồ sơ quá hạn trên 5 ngày làm việc
Đơn vị có nhiều hồ sơ quá hạn nhất:
• Sở Xây dựng: 1 hồ sơ, trong đó 1 quá hạn trên 5 ngày làm việc
• Xã Đức Phổ: 1 hồ sơ

Gõ /baocao để xem lại bản tin, /tiendo để xem chi tiết từng đơn vị.`);
    expect(d.caption).toBe('📊 Bản tin tuần 16/11/2026 – 22/11/2026 — Tỉnh Thử\nĐúng hạn: 70,83% ▲ 10,83 điểm · Nộp trực tuyến: 68,18%');
  });

  it('agrees with the II.06a buckets: the overdue section counts the "in progress, overdue" bucket', async () => {
    const d = await digest('area', 'P');
    expect(d.data.overdue.count).toBe(d.data.current.buckets.inProgressOverdue);
    expect(d.data.overdue).toEqual({ count: 2, long: 1 });
  });

  it('never shows a dossier code or applicant data', async () => {
    for (const [kind, code] of [['area', 'P'], ['unit', 'O1'], ['unit', 'C4'], ['unit', 'D2']] as const) {
      const d = await digest(kind, code);
      for (const text of [d.text, d.caption, JSON.stringify({ ...d.chart, formatPercent: null })]) {
        expect(text).not.toMatch(/T-[a-z]\d/);
        expect(text).not.toContain('Bí Mật');
        expect(text).not.toContain('001099000001');
      }
    }
  });
});

describe('the unit digest', () => {
  it('matches the golden text of a unit head: own numbers, ▲/▼, zero wording, rank among peers', async () => {
    const d = await digest('unit', 'O1');
    expect(d.text).toBe(`📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — Phòng Kinh tế xã Ân Phú
Tuần 16/11/2026 – 22/11/2026 · số liệu lúc 23:59 22/11/2026

Trong tuần (so với tuần trước):
• Đúng hạn: 100,00% ▲ 50,00 điểm
• Nộp trực tuyến: 50,00% ▼ 50,00 điểm
• Số hóa: 100,00% ▲ 100,00 điểm
• Hài lòng: 100,00% (kỳ trước chưa có số liệu)
• Tiếp nhận: 2 hồ sơ (trực tuyến 1, trực tiếp 1, bưu chính 0); không có hồ sơ kỳ trước chuyển sang
• Đã giải quyết: 2 hồ sơ (trước hạn 2, đúng hạn 0, quá hạn 0)
• Còn đang giải quyết: không còn hồ sơ nào
• Thanh toán trực tuyến: 1 hồ sơ, 50.000 đồng

Từ đầu năm (01/01/2026 – 22/11/2026):
• Đúng hạn 75,00% · Trực tuyến 75,00% · Số hóa 50,00% · Hài lòng 100,00%
• Tiếp nhận 4 · Đã giải quyết 4 (quá hạn 1) · Thanh toán trực tuyến: 1 hồ sơ, 50.000 đồng

🏆 Xếp hạng đúng hạn trong khối phòng: thứ 1/2 trong tuần; thứ 1/2 từ đầu năm.

⏰ Hồ sơ quá hạn chưa giải quyết xong lúc 23:59 22/11/2026: không có ✅

Gõ /baocao để xem lại bản tin, /tiendo để xem chi tiết từng đơn vị.`);
  });

  it('has its own wording for a week with nothing, no payment, no rating and no rank', async () => {
    const d = await digest('unit', 'C8');
    const lines = d.text.split('\n');
    expect(lines).toContain('• Không có hồ sơ nào được tiếp nhận hay giải quyết trong tuần.');
    expect(lines).toContain('🏆 Xếp hạng đúng hạn trong khối xã, phường: trong tuần không có hồ sơ để xếp hạng; thứ 1/8 từ đầu năm.');
    expect(lines).toContain('• Tiếp nhận 1 · Đã giải quyết 1 (không có hồ sơ quá hạn) · Thanh toán trực tuyến: không có');
    expect(lines).toContain('• Đúng hạn 100,00% · Trực tuyến 0,00% · Số hóa 0,00% · Hài lòng –');
    expect(d.caption).toBe('📊 Bản tin tuần 16/11/2026 – 22/11/2026 — Xã Minh Long\nĐúng hạn: không có hồ sơ phải giải quyết · Nộp trực tuyến: không có hồ sơ mới');
  });

  it('says so when the unit has no peers, and counts overdue dossiers of more than 5 working days', async () => {
    const root = await digest('unit', 'P');
    expect(root.text).toContain('🏆 Không có đơn vị nào khác cùng khối tỉnh để xếp hạng.');
    const d2 = await digest('unit', 'D2');
    expect(d2.text).toContain('⏰ Hồ sơ quá hạn chưa giải quyết xong lúc 23:59 22/11/2026: 1 hồ sơ, trong đó 1 hồ sơ quá hạn trên 5 ngày làm việc');
    expect(d2.text).toContain('• Đúng hạn: 0,00% (không đổi)');
    const c4 = await digest('unit', 'C4');
    expect(c4.text).toContain(': 1 hồ sơ, trong đó không có hồ sơ nào quá hạn trên 5 ngày làm việc');
  });

  it('covers an asked-for period that ends now, compared with the period of the same length before', async () => {
    const d = await digest('area', 'P', MONDAY, { from: '2026-11-01', to: '2026-11-23' });
    expect(d.text.split('\n').slice(1, 4)).toEqual(['Kỳ 01/11/2026 – 23/11/2026 · số liệu lúc 07:30 23/11/2026', '', 'Trong kỳ (so với kỳ trước cùng độ dài):']);
    expect(d.data.periods.previous).toEqual({ from: '2026-10-09', to: '2026-10-31' });
    expect(d.text).toContain('🏆 Xếp hạng tỷ lệ đúng hạn trong kỳ:');
  });
});

describe('formatting helpers', () => {
  it('writes changes in percentage points with ▲/▼ and Vietnamese decimals', () => {
    expect(delta(82.846, 80)).toBe('▲ 2,85 điểm');
    expect(delta(80, 82.846)).toBe('▼ 2,85 điểm');
    expect(delta(70.834, 60.006)).toBe('▲ 10,82 điểm'); // 70,83% − 60,01%, as printed
    expect(delta(80, 80.001)).toBe('(không đổi)');
    expect(delta(80, null)).toBe('(kỳ trước chưa có số liệu)');
    expect(delta(null, 80)).toBe('');
  });

  it('keeps captions within Telegram’s 1024 characters and texts within 4096', async () => {
    const d = await digest('area', 'P');
    expect(d.caption.length).toBeLessThanOrEqual(CAPTION_MAX);
    expect(d.text.length).toBeLessThan(4096);
  });
});
