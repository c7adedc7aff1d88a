import { describe, expect, it } from 'vitest';
import { parsePeriod, type ParsedPeriod } from '../../../src/commands/parse/period.ts';
import { vn } from '../../calendar/vn.ts';

// Friday 27 November 2026, 09:00 local.
const AT = vn('2026-11-27 09:00');
const p = (text: string, at = AT) => parsePeriod(text, at);
/** The expected period; its year is that of `to`. */
const period = (kind: ParsedPeriod['kind'], from: string, to: string, extra: { month?: number; quarter?: number } = {}): ParsedPeriod => ({
  kind, from, to, ...extra, year: Number(to.slice(0, 4)),
});

describe('parsePeriod at Friday 2026-11-27', () => {
  it.each([
    ['hôm nay', period('today', '2026-11-27', '2026-11-27')],
    ['hom nay', period('today', '2026-11-27', '2026-11-27')],
    ['HÔM NAY', period('today', '2026-11-27', '2026-11-27')],
    ['hôm qua', period('custom', '2026-11-26', '2026-11-26')],
    ['tuần này', period('week', '2026-11-23', '2026-11-27')],
    ['tuan nay', period('week', '2026-11-23', '2026-11-27')],
    ['tuần', period('week', '2026-11-23', '2026-11-27')],
    ['trong tuần này', period('week', '2026-11-23', '2026-11-27')],
    ['Tuần này.', period('week', '2026-11-23', '2026-11-27')],
    ['tuần trước', period('last_week', '2026-11-16', '2026-11-22')],
    ['tuan truoc', period('last_week', '2026-11-16', '2026-11-22')],
    ['tháng này', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['tháng', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['tháng trước', period('last_month', '2026-10-01', '2026-10-31', { month: 10 })],
    ['tháng 11', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['thang 11', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['Tháng 10', period('month', '2026-10-01', '2026-10-31', { month: 10 })],
    ['t11', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['T11', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['thg 9', period('month', '2026-09-01', '2026-09-30', { month: 9 })],
    ['11/2026', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['11 / 2026', period('month', '2026-11-01', '2026-11-27', { month: 11 })],
    ['2026-10', period('month', '2026-10-01', '2026-10-31', { month: 10 })],
    ['tháng 11/2025', period('month', '2025-11-01', '2025-11-30', { month: 11 })],
    ['tháng 11 năm 2025', period('month', '2025-11-01', '2025-11-30', { month: 11 })],
    ['tháng 11 năm ngoái', period('month', '2025-11-01', '2025-11-30', { month: 11 })],
    ['t2/2024', period('month', '2024-02-01', '2024-02-29', { month: 2 })],
    ['quý này', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['quý', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['quý 4', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['quy 4', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['q4', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['Q4', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['quý IV', period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 })],
    ['quý iii', period('quarter', '2026-07-01', '2026-09-30', { quarter: 3 })],
    ['quý trước', period('quarter', '2026-07-01', '2026-09-30', { quarter: 3 })],
    ['quý IV/2025', period('quarter', '2025-10-01', '2025-12-31', { quarter: 4 })],
    ['q4 2025', period('quarter', '2025-10-01', '2025-12-31', { quarter: 4 })],
    ['quý 2 năm 2025', period('quarter', '2025-04-01', '2025-06-30', { quarter: 2 })],
    ['năm', period('year', '2026-01-01', '2026-11-27')],
    ['năm nay', period('year', '2026-01-01', '2026-11-27')],
    ['từ đầu năm', period('year', '2026-01-01', '2026-11-27')],
    ['tu dau nam', period('year', '2026-01-01', '2026-11-27')],
    ['ytd', period('year', '2026-01-01', '2026-11-27')],
    ['YTD', period('year', '2026-01-01', '2026-11-27')],
    ['lũy kế', period('year', '2026-01-01', '2026-11-27')],
    ['năm 2025', period('year', '2025-01-01', '2025-12-31')],
    ['2025', period('year', '2025-01-01', '2025-12-31')],
    ['năm ngoái', period('year', '2025-01-01', '2025-12-31')],
    ['01/11/2026-15/11/2026', period('custom', '2026-11-01', '2026-11-15')],
    ['1/11 - 15/11', period('custom', '2026-11-01', '2026-11-15')],
    ['1/11 – 15/11', period('custom', '2026-11-01', '2026-11-15')],
    ['từ 1/11 đến 15/11/2026', period('custom', '2026-11-01', '2026-11-15')],
    ['tu 1/11 den 15/11', period('custom', '2026-11-01', '2026-11-15')],
    ['từ ngày 1 đến ngày 15/11', period('custom', '2026-11-01', '2026-11-15')],
    ['từ ngày 1 tháng 11 đến ngày 15 tháng 11 năm 2026', period('custom', '2026-11-01', '2026-11-15')],
    ['2026-11-01..2026-11-15', period('custom', '2026-11-01', '2026-11-15')],
    ['2026-11-01 .. 2026-11-15', period('custom', '2026-11-01', '2026-11-15')],
    ['01-11-2026 - 15-11-2026', period('custom', '2026-11-01', '2026-11-15')],
    ['1/11/26-15/11/26', period('custom', '2026-11-01', '2026-11-15')],
    ['1/11 - 15/12', period('custom', '2026-11-01', '2026-11-27')],
    ['từ 1/11', period('custom', '2026-11-01', '2026-11-27')],
    ['5/11', period('custom', '2026-11-05', '2026-11-05')],
    ['ngày 5/11/2026', period('custom', '2026-11-05', '2026-11-05')],
    ['7 ngày qua', period('custom', '2026-11-21', '2026-11-27')],
    ['tháng 9 - tháng 11', period('custom', '2026-09-01', '2026-11-27')],
    ['từ tháng 9 đến tháng 10', period('custom', '2026-09-01', '2026-10-31')],
    ['tháng 9-11', period('custom', '2026-09-01', '2026-11-27')],
    ['t1-t2/2024', period('custom', '2024-01-01', '2024-02-29')],
    ['tháng 11/2025 - tháng 2/2026', period('custom', '2025-11-01', '2026-02-28')],
    ['tháng 12 - tháng 1', period('custom', '2025-12-01', '2026-01-31')],
    ['30 ngày gần đây', period('custom', '2026-10-29', '2026-11-27')],
  ])('%j', (text, expected) => {
    expect(p(text)).toEqual(expected);
  });

  it('reads NFD input', () => {
    expect(p('Tháng trước'.normalize('NFD'))).toEqual(period('last_month', '2026-10-01', '2026-10-31', { month: 10 }));
    expect(p('quý IV'.normalize('NFD'))).toEqual(period('quarter', '2026-10-01', '2026-11-27', { quarter: 4 }));
  });

  it('takes a year-less month, quarter or date entirely in the future as last year’s', () => {
    expect(p('tháng 12')).toEqual(period('month', '2025-12-01', '2025-12-31', { month: 12 }));
    expect(p('t12')).toEqual(period('month', '2025-12-01', '2025-12-31', { month: 12 }));
    expect(p('q1')).toEqual(period('quarter', '2026-01-01', '2026-03-31', { quarter: 1 }));
    expect(p('15/12')).toEqual(period('custom', '2025-12-15', '2025-12-15'));
    expect(p('1/12 - 15/12')).toEqual(period('custom', '2025-12-01', '2025-12-15'));
    expect(p('28/11')).toEqual(period('custom', '2025-11-28', '2025-11-28'));
    expect(p('27/11')).toEqual(period('custom', '2026-11-27', '2026-11-27'));
  });

  it('wraps a year-less range over New Year', () => {
    expect(p('15/12 - 10/1')).toEqual(period('custom', '2025-12-15', '2026-01-10'));
    expect(p('15/12 - 10/1/2026')).toEqual(period('custom', '2025-12-15', '2026-01-10'));
    expect(p('15/12 - 10/1', vn('2026-12-20 08:00'))).toEqual(period('custom', '2026-12-15', '2026-12-20'));
  });

  it.each([
    ['31/02', 'invalid_date'],
    ['31/02/2026', 'invalid_date'],
    ['30/2 - 5/3', 'invalid_date'],
    ['29/02/2025', 'invalid_date'],
    ['29/02', 'invalid_date'],
    ['31/4', 'invalid_date'],
    ['tháng 13', 'invalid_date'],
    ['t0', 'invalid_date'],
    ['quý 5', 'invalid_date'],
    ['q0', 'invalid_date'],
    ['1/11/202', 'invalid_date'],
    ['0 ngày qua', 'invalid_date'],
    ['15/11/2026 - 1/11/2026', 'range_reversed'],
    ['2026-11-15..2026-11-01', 'range_reversed'],
    ['15/11 - 1/11', 'range_reversed'],
    ['từ 20 đến 10/11', 'range_reversed'],
    ['tháng 12/2026', 'future'],
    ['q1/2027', 'future'],
    ['2027', 'future'],
    ['năm 2030', 'future'],
    ['28/11/2026', 'future'],
    ['1/12/2026 - 31/12/2026', 'future'],
    ['tuần sau', 'future'],
    ['tháng sau', 'future'],
    ['năm sau', 'future'],
    ['tháng 12 - tháng 11', 'range_reversed'],
    ['tháng 2 - tháng 13', 'invalid_date'],
  ])('%j → %s', (text, error) => {
    expect(p(text)).toEqual({ error, text });
  });

  it.each(['', '   ', 'cảm ơn', 'xã Bình Sơn', 'mai', 'Hoàng Mai', '12', '1234', 'q', 't', 'quy nhon', 'tháng mười', 'năm căn', '1/11 đến'])(
    '%j is not a period',
    (text) => {
      expect(p(text)).toBeNull();
    },
  );
});

describe('parsePeriod at boundaries', () => {
  it('Sunday 23:30 local is still the week that began on Monday', () => {
    const at = vn('2026-11-29 23:30');
    expect(p('tuần này', at)).toEqual(period('week', '2026-11-23', '2026-11-29'));
    expect(p('tuần trước', at)).toEqual(period('last_week', '2026-11-16', '2026-11-22'));
    expect(p('hôm nay', at)).toEqual(period('today', '2026-11-29', '2026-11-29'));
  });

  it('Sunday 17:30 UTC is Monday 00:30 local: a new week', () => {
    const at = new Date('2026-11-29T17:30:00Z');
    expect(p('tuần này', at)).toEqual(period('week', '2026-11-30', '2026-11-30'));
    expect(p('tuần trước', at)).toEqual(period('last_week', '2026-11-23', '2026-11-29'));
    expect(p('hôm nay', at)).toEqual(period('today', '2026-11-30', '2026-11-30'));
  });

  it('month boundary: the first minutes of 1 December', () => {
    const at = new Date('2026-11-30T17:05:00Z'); // 2026-12-01 00:05 local
    expect(p('tháng này', at)).toEqual(period('month', '2026-12-01', '2026-12-01', { month: 12 }));
    expect(p('tháng trước', at)).toEqual(period('last_month', '2026-11-01', '2026-11-30', { month: 11 }));
    expect(p('tháng 12', at)).toEqual(period('month', '2026-12-01', '2026-12-01', { month: 12 }));
  });

  it('year boundary: New Year’s Day 2027 (a Friday)', () => {
    const at = vn('2027-01-01 00:05');
    expect(p('tháng trước', at)).toEqual(period('last_month', '2026-12-01', '2026-12-31', { month: 12 }));
    expect(p('quý trước', at)).toEqual(period('quarter', '2026-10-01', '2026-12-31', { quarter: 4 }));
    expect(p('năm nay', at)).toEqual(period('year', '2027-01-01', '2027-01-01'));
    expect(p('năm ngoái', at)).toEqual(period('year', '2026-01-01', '2026-12-31'));
    expect(p('tuần này', at)).toEqual(period('week', '2026-12-28', '2027-01-01'));
    expect(p('tuần trước', at)).toEqual(period('last_week', '2026-12-21', '2026-12-27'));
    expect(p('tháng 12', at)).toEqual(period('month', '2026-12-01', '2026-12-31', { month: 12 }));
    expect(p('q4', at)).toEqual(period('quarter', '2026-10-01', '2026-12-31', { quarter: 4 }));
    expect(p('q1', at)).toEqual(period('quarter', '2027-01-01', '2027-01-01', { quarter: 1 }));
  });

  it('a week that spans New Year is dated by its end', () => {
    expect(p('tuần trước', vn('2026-01-05 10:00'))).toEqual(period('last_week', '2025-12-29', '2026-01-04'));
  });

  it('quarter boundary: 31 March 23:59 vs 1 April 00:00', () => {
    expect(p('quý này', vn('2026-03-31 23:59'))).toEqual(period('quarter', '2026-01-01', '2026-03-31', { quarter: 1 }));
    expect(p('quý này', vn('2026-04-01 00:00'))).toEqual(period('quarter', '2026-04-01', '2026-04-01', { quarter: 2 }));
    expect(p('quý trước', vn('2026-04-01 00:00'))).toEqual(period('quarter', '2026-01-01', '2026-03-31', { quarter: 1 }));
    // Q2 2026 has not begun on 31 March: last year's.
    expect(p('q2', vn('2026-03-31 23:59'))).toEqual(period('quarter', '2025-04-01', '2025-06-30', { quarter: 2 }));
  });

  it('leap years', () => {
    const at = vn('2028-03-10 09:00');
    expect(p('tháng 2', at)).toEqual(period('month', '2028-02-01', '2028-02-29', { month: 2 }));
    expect(p('tháng trước', at)).toEqual(period('last_month', '2028-02-01', '2028-02-29', { month: 2 }));
    expect(p('29/2', at)).toEqual(period('custom', '2028-02-29', '2028-02-29'));
    expect(p('1/2 - 29/2', at)).toEqual(period('custom', '2028-02-01', '2028-02-29'));
    expect(p('29/2/2024')).toEqual(period('custom', '2024-02-29', '2024-02-29'));
    expect(p('tháng 2/2025')).toEqual(period('month', '2025-02-01', '2025-02-28', { month: 2 }));
    expect(p('tháng 2/2000')).toEqual(period('month', '2000-02-01', '2000-02-29', { month: 2 }));
    expect(p('29/2/1900')).toEqual({ error: 'invalid_date', text: '29/2/1900' });
  });

  it('last month in January is December of last year', () => {
    expect(p('tháng trước', vn('2026-01-15 09:00'))).toEqual(period('last_month', '2025-12-01', '2025-12-31', { month: 12 }));
  });
});
