import { describe, expect, it } from 'vitest';
import { parseDossierCode, splitCodeAndDate, splitUnitAndPeriod } from '../../../src/commands/parse/args.ts';
import { findDossierCode } from '../../../src/commands/parse/dossier-code.ts';
import { parsePeriod } from '../../../src/commands/parse/period.ts';
import { vn } from '../../calendar/vn.ts';

const AT = vn('2026-11-27 09:00');
const week = { kind: 'week', from: '2026-11-23', to: '2026-11-27', year: 2026 };

describe('splitUnitAndPeriod', () => {
  it.each([
    ['xã Bình Sơn tuần này', 'xã Bình Sơn', week],
    ['tuần này xã Bình Sơn', 'xã Bình Sơn', week],
    ['xa binh son tuan nay', 'xa binh son', week],
    ['binh son q4', 'binh son', { kind: 'quarter', from: '2026-10-01', to: '2026-11-27', quarter: 4, year: 2026 }],
    ['thang 11', '', { kind: 'month', from: '2026-11-01', to: '2026-11-27', month: 11, year: 2026 }],
    ['Xã Bình Sơn tháng 11/2025', 'Xã Bình Sơn', { kind: 'month', from: '2025-11-01', to: '2025-11-30', month: 11, year: 2025 }],
    ['Xã Bình Sơn tháng 11 năm 2025', 'Xã Bình Sơn', { kind: 'month', from: '2025-11-01', to: '2025-11-30', month: 11, year: 2025 }],
    ['xã Bình Sơn từ 1/11 đến 15/11', 'xã Bình Sơn', { kind: 'custom', from: '2026-11-01', to: '2026-11-15', year: 2026 }],
    ['xã Bình Sơn 1/11 - 15/11', 'xã Bình Sơn', { kind: 'custom', from: '2026-11-01', to: '2026-11-15', year: 2026 }],
    ['của xã Bình Sơn trong tháng này.', 'xã Bình Sơn', { kind: 'month', from: '2026-11-01', to: '2026-11-27', month: 11, year: 2026 }],
    ['ở Vạn Tường, tuần này', 'Vạn Tường', week],
    ['Phòng Kinh tế xã Bình Sơn 2025', 'Phòng Kinh tế xã Bình Sơn', { kind: 'year', from: '2025-01-01', to: '2025-12-31', year: 2025 }],
    ['phường 12 tháng 11', 'phường 12', { kind: 'month', from: '2026-11-01', to: '2026-11-27', month: 11, year: 2026 }],
    ['tuần', '', week],
    ['xã Bình Sơn', 'xã Bình Sơn', null],
    ['phường 12', 'phường 12', null],
    ['Năm Căn', 'Năm Căn', null],
    ['', '', null],
    ['   ', '', null],
  ] as const)('%j', (rest, unitText, period) => {
    expect(splitUnitAndPeriod(rest, AT)).toEqual({ unitText, period });
  });

  it('reports an impossible period with the unit kept', () => {
    expect(splitUnitAndPeriod('xã Bình Sơn 31/02', AT)).toEqual({ unitText: 'xã Bình Sơn', period: { error: 'invalid_date', text: '31/02' } });
    expect(splitUnitAndPeriod('binh son tháng 12/2026', AT)).toEqual({ unitText: 'binh son', period: { error: 'future', text: 'tháng 12/2026' } });
  });

  it('reads NFD input and returns NFC', () => {
    expect(splitUnitAndPeriod('Xã Bình Sơn tuần này'.normalize('NFD'), AT)).toEqual({ unitText: 'Xã Bình Sơn', period: week });
  });

  it('matches parsePeriod for any demo-like unit followed or preceded by a period', () => {
    const units = ['Xã Bình Sơn', 'binh son', 'Phòng Văn hóa – Xã hội xã Bình Sơn', 'Sở Tư pháp', 'XBS-KT', 'Tỉnh Quảng Ngãi'];
    const periods = ['tuần này', 'tháng trước', 'q4', 'quý IV/2025', 'tháng 11 năm 2025', '01/11/2026-15/11/2026', 'từ 1/11 đến 15/11', 'hôm nay', '2025', 'ytd'];
    for (const u of units) {
      for (const p of periods) {
        const expected = { unitText: u, period: parsePeriod(p, AT) };
        expect(splitUnitAndPeriod(`${u} ${p}`, AT), `${u} ${p}`).toEqual(expected);
        expect(splitUnitAndPeriod(`${p} ${u}`, AT), `${p} ${u}`).toEqual(expected);
      }
    }
  });
});

describe('parseDossierCode', () => {
  it.each([
    ['000.00.12.H55-260105-0001', '000.00.12.H55-260105-0001'],
    ['000.00.12.h55-260105-0001', '000.00.12.H55-260105-0001'],
    ['  000.00.12.H55-260105-0001  ', '000.00.12.H55-260105-0001'],
    ['G22.123.45.67-260105-000123', 'G22.123.45.67-260105-000123'],
    ['g22.123.45.67-260105-000123', 'G22.123.45.67-260105-000123'],
    ['H55.12-251231-123', 'H55.12-251231-123'],
    ['000.00.12.H55 - 260105 - 0001', '000.00.12.H55-260105-0001'],
    ['000.00.12.H55–260105–0001', '000.00.12.H55-260105-0001'],
    ['"000.00.12.H55-260105-0001".', '000.00.12.H55-260105-0001'],
    ['(000.00.12.H55-260105-0001)', '000.00.12.H55-260105-0001'],
    // Full-width characters.
    ['０００.００.１２.Ｈ５５-２６０１０５-０００１', '000.00.12.H55-260105-0001'],
  ])('%j → %s', (text, code) => {
    expect(parseDossierCode(text)).toBe(code);
  });

  it.each([
    '',
    'hồ sơ',
    '000.00.12.H55',
    '000.00.12.H55-260105',
    '000.00.12.H55-2601-0001',
    '000.00.12.H55-260105-01',
    '000.00.12.H55-260105-0000001',
    '000.00.12.H55-261305-0001',
    '000.00.12.H55-260100-0001',
    '000..12.H55-260105-0001',
    '.000.12.H55-260105-0001',
    '000.00.12.H55-260105-0001 05/12',
    'hồ sơ 000.00.12.H55-260105-0001',
    'Ư55-260105-0001',
  ])('%j is not a dossier code', (text) => {
    expect(parseDossierCode(text)).toBeNull();
  });

  it('finds a code inside a text', () => {
    expect(findDossierCode('xác nhận 000.00.12.h55-260105-0001 ngày 05/12')).toEqual({
      code: '000.00.12.H55-260105-0001',
      before: 'xác nhận',
      after: 'ngày 05/12',
    });
    expect(findDossierCode('không có mã')).toBeNull();
  });
});

describe('splitCodeAndDate', () => {
  it.each([
    ['000.00.12.H55-260105-0001 05/12', '000.00.12.H55-260105-0001', '2026-12-05'],
    ['000.00.12.h55-260105-0001 ngày mai', '000.00.12.H55-260105-0001', '2026-11-28'],
    ['thứ 6 G22.123.45.67-260105-000123', 'G22.123.45.67-260105-000123', '2026-12-04'],
    ['000.00.12.H55-260105-0001', '000.00.12.H55-260105-0001', null],
    ['05/12', null, '2026-12-05'],
    ['', null, null],
  ] as const)('%j', (rest, code, date) => {
    const out = splitCodeAndDate(rest, AT);
    expect(out.code).toBe(code);
    expect(out.date).toEqual(date);
  });

  it('reports a past or impossible date', () => {
    expect(splitCodeAndDate('000.00.12.H55-260105-0001 05/11/2026', AT).date).toEqual({ error: 'past', text: '05/11/2026' });
    expect(splitCodeAndDate('000.00.12.H55-260105-0001 31/02', AT).date).toEqual({ error: 'invalid_date', text: '31/02' });
    expect(splitCodeAndDate('000.00.12.H55-260105-0001 sớm nhất có thể', AT)).toEqual({
      code: '000.00.12.H55-260105-0001',
      date: null,
      dateText: 'sớm nhất có thể',
    });
  });
});
