import { describe, expect, it } from 'vitest';
import { buttonCommitDate, parseCommitDate, withinCommitHorizon } from '../../../src/commands/parse/commit-date.ts';
import { vn } from '../../calendar/vn.ts';

// Friday 27 November 2026.
const AT = vn('2026-11-27 09:00');

describe('parseCommitDate at Friday 2026-11-27', () => {
  it.each([
    ['05/12', '2026-12-05'],
    ['5/12', '2026-12-05'],
    ['5/12/2026', '2026-12-05'],
    ['05.12.2026', '2026-12-05'],
    ['5/12/26', '2026-12-05'],
    ['2026-12-05', '2026-12-05'],
    ['05-12-2026', '2026-12-05'],
    ['ngày 5/12', '2026-12-05'],
    ['ngày 5 tháng 12', '2026-12-05'],
    ['ngày 5 tháng 12 năm 2026', '2026-12-05'],
    ['trước ngày 05/12', '2026-12-05'],
    ['27/11', '2026-11-27'],
    ['hôm nay', '2026-11-27'],
    ['trong ngày', '2026-11-27'],
    ['mai', '2026-11-28'],
    ['Mai', '2026-11-28'],
    ['ngày mai', '2026-11-28'],
    ['ngay mai', '2026-11-28'],
    ['sáng mai', '2026-11-28'],
    ['ngày kia', '2026-11-29'],
    ['ngày mốt', '2026-11-29'],
    ['3 ngày nữa', '2026-11-30'],
    ['sau 10 ngày', '2026-12-07'],
    // Weekdays: the next such day after today (today is a Friday).
    ['thứ 2', '2026-11-30'],
    ['thứ hai', '2026-11-30'],
    ['t2', '2026-11-30'],
    ['thứ 4', '2026-12-02'],
    ['thứ tư', '2026-12-02'],
    ['thứ 6', '2026-12-04'],
    ['thu sau', '2026-12-04'],
    ['Thứ Sáu', '2026-12-04'],
    ['thứ 6 này', '2026-12-04'],
    ['thứ 7', '2026-11-28'],
    ['thứ bảy', '2026-11-28'],
    ['chủ nhật', '2026-11-29'],
    ['CN', '2026-11-29'],
    ['thứ 2 tuần sau', '2026-11-30'],
    ['thứ 6 tuần sau', '2026-12-04'],
    ['thứ 6 tuần tới', '2026-12-04'],
    ['thứ 6 tuần này', '2026-11-27'],
    ['thứ 7 tuần này', '2026-11-28'],
    ['chủ nhật tuần này', '2026-11-29'],
  ])('%j → %s', (text, date) => {
    expect(parseCommitDate(text, AT)).toBe(date);
  });

  it('reads NFD input', () => {
    expect(parseCommitDate('thứ sáu'.normalize('NFD'), AT)).toBe('2026-12-04');
    expect(parseCommitDate('ngày mai'.normalize('NFD'), AT)).toBe('2026-11-28');
  });

  it.each([
    ['05/11', 'past'],
    ['26/11', 'past'],
    ['26/11/2026', 'past'],
    ['2025-12-05', 'past'],
    ['thứ 5 tuần này', 'past'],
    ['thứ 2 tuần này', 'past'],
    ['31/02', 'invalid_date'],
    ['31/11', 'invalid_date'],
    ['29/02/2027', 'invalid_date'],
    ['5/13', 'invalid_date'],
    ['5/12/202', 'invalid_date'],
  ])('%j → %s', (text, error) => {
    expect(parseCommitDate(text, AT)).toEqual({ error, text });
  });

  it.each(['', 'sớm', 'cảm ơn', 'thứ 8', 'tuần sau', '12', 'mai mốt gì đó'])('%j is not a date', (text) => {
    expect(parseCommitDate(text, AT)).toBeNull();
  });

  it('takes a year-less date just past New Year as next year’s', () => {
    const at = vn('2026-12-28 16:00');
    expect(parseCommitDate('05/01', at)).toBe('2027-01-05');
    expect(parseCommitDate('29/02', vn('2027-12-01 09:00'))).toBe('2028-02-29');
    expect(parseCommitDate('29/02', at)).toEqual({ error: 'invalid_date', text: '29/02' });
    expect(parseCommitDate('thứ 2', at)).toBe('2027-01-04');
  });

  it('uses the local date: Sunday 17:30 UTC is Monday', () => {
    const at = new Date('2026-11-29T17:30:00Z');
    expect(parseCommitDate('hôm nay', at)).toBe('2026-11-30');
    expect(parseCommitDate('mai', at)).toBe('2026-12-01');
    expect(parseCommitDate('thứ 2', at)).toBe('2026-12-07');
    expect(parseCommitDate('thứ 2 tuần này', at)).toBe('2026-11-30');
    expect(parseCommitDate('29/11', at)).toEqual({ error: 'past', text: '29/11' });
  });
});

describe('a button\'s date and the commitment horizon', () => {
  it('reads yyyymmdd as a real date only', () => {
    expect(buttonCommitDate('20261207')).toBe('2026-12-07');
    expect(buttonCommitDate('20280229')).toBe('2028-02-29');
    expect(buttonCommitDate('20261399')).toEqual({ error: 'invalid_date', text: '20261399' });
    expect(buttonCommitDate('20270229')).toEqual({ error: 'invalid_date', text: '20270229' });
    expect(buttonCommitDate('00001207')).toEqual({ error: 'invalid_date', text: '00001207' });
    for (const day of ['', '2026-12-07', '2026120', '202612070', '2026１207']) expect(buttonCommitDate(day)).toBeNull();
  });

  it('accepts today through the last day, and says which side a date falls on', () => {
    expect(withinCommitHorizon('2026-11-27', '2026-11-27', '2027-01-08', '27/11')).toBe('2026-11-27');
    expect(withinCommitHorizon('2027-01-08', '2026-11-27', '2027-01-08', '8/1')).toBe('2027-01-08');
    expect(withinCommitHorizon('2026-11-26', '2026-11-27', '2027-01-08', '26/11')).toEqual({ error: 'past', text: '26/11' });
    expect(withinCommitHorizon('2027-01-09', '2026-11-27', '2027-01-08', '9/1')).toEqual({ error: 'too_far', text: '9/1' });
    expect(withinCommitHorizon('9999-12-31', '2026-11-27', '2027-01-08', '31/12/9999')).toEqual({ error: 'too_far', text: '31/12/9999' });
  });
});
