import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, seededTarget } from '../support/cli.ts';
import type { TestTarget } from '../support/database.ts';

let target: TestTarget;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'dunghan-cal-'));

beforeAll(async () => {
  ({ target, env } = await seededTarget());
}, 60_000);
afterAll(async () => target.drop());

const dueAt = async (args: string[]) => {
  const r = await cli(['due', ...args, '--json'], env);
  expect(r.err).toBe('');
  return JSON.parse(r.out) as { dueAt: string; workingDaysSkipped: string[]; reason: string };
};

describe('dunghan calendar', () => {
  it('lists 2026 exactly as the government notices give it, each day with its source', async () => {
    const r = await cli(['calendar', 'list', '--year', '2026', '--json'], env);
    const list = JSON.parse(r.out) as { notice: boolean; days: { date: string; working: boolean; source: string }[] };
    expect(list.notice).toBe(true);
    expect(list.days.filter((d) => !d.working).map((d) => d.date)).toEqual([
      '2026-01-01', '2026-01-02', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
      '2026-04-27', '2026-04-30', '2026-05-01', '2026-08-31', '2026-09-01', '2026-09-02', '2026-11-24',
    ]);
    expect(list.days.filter((d) => d.working).map((d) => d.date)).toEqual(['2026-01-10', '2026-08-22']);
    for (const d of list.days) expect(d.source, d.date).toMatch(/\S/);
    const text = await cli(['calendar', 'list', '--year', '2026'], env);
    expect(text.out).toContain('Thứ Hai 16/02/2026  nghỉ  Tết Nguyên Đán (9441/TB-BNV)');
    expect(text.out).toContain('Thứ Bảy 10/01/2026  làm việc  Làm bù cho ngày 2/1');
  });

  it('an override added at run time moves due dates at once, and removing it moves them back', async () => {
    const args = ['--received', '2027-03-12T09:00:00+07:00', '--days', '1'];
    expect((await dueAt(args)).dueAt).toBe('2027-03-15T17:00:00+07:00');
    const added = await cli(['calendar', 'add', '15/03/2027', '--off', '--name', 'Nghỉ đột xuất', '--source', '12/TB-UBND'], env);
    expect(added.code).toBe(0);
    expect(added.out).toContain('Đã thêm: 15/03/2027 nghỉ — Nghỉ đột xuất (12/TB-UBND).');
    const moved = await dueAt(args);
    expect(moved.dueAt).toBe('2027-03-16T17:00:00+07:00');
    expect(moved.workingDaysSkipped).toContain('2027-03-15');
    expect((await cli(['calendar', 'remove', '2027-03-15'], env)).code).toBe(0);
    expect((await dueAt(args)).dueAt).toBe('2027-03-15T17:00:00+07:00');
  });

  it('a unit-scoped override applies to that unit only', async () => {
    expect((await cli(['calendar', 'add', '2027-03-15', '--off', '--name', 'Bầu cử', '--source', '5/QĐ-UBND', '--unit', 'XBS-KT'], env)).code).toBe(0);
    const args = ['--received', '2027-03-12T09:00:00+07:00', '--days', '1'];
    expect((await dueAt([...args, '--unit', 'XBS-KT'])).dueAt).toBe('2027-03-16T17:00:00+07:00');
    expect((await dueAt([...args, '--unit', 'XBM-KT'])).dueAt).toBe('2027-03-15T17:00:00+07:00');
    expect((await cli(['calendar', 'remove', '2027-03-15', '--unit', 'XBS-KT'], env)).code).toBe(0);
  });

  it('imports a CSV with BOM, semicolons and Vietnamese headers, keeps the good rows and names each bad one', async () => {
    const file = join(dir, 'nghi.csv');
    writeFileSync(file, '\uFEFFngay;loai;ten;can_cu;don_vi\n'
      + '02/03/2027;nghỉ;Nghỉ bù;1/TB;\n'
      + '31/02/2027;nghỉ;Sai ngày;1/TB;\n'
      + '03/03/2027;họp;Sai loại;1/TB;\n'
      + '04/03/2027;làm bù;Thiếu căn cứ;;\n'
      + '\n'
      + '05/03/2027;nghỉ;Đơn vị lạ;1/TB;KHONGCO\n'
      + '06/03/2027;làm bù;Làm bù thứ Bảy;1/TB;XBS\n');
    const r = await cli(['calendar', 'import', file, '--json'], env);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.out) as { saved: number; rejected: { row: number; field: string; reason: string }[] };
    expect(out.saved).toBe(2);
    expect(out.rejected.map((x) => [x.row, x.field])).toEqual([[3, 'date'], [4, 'kind'], [5, 'source'], [7, 'unit']]);
    for (const x of out.rejected) expect(x.reason).toMatch(/[ạ-ỹđ]/);
    const human = await cli(['calendar', 'import', file], env);
    expect(human.err).toContain('Dòng 3, cột date ("31/02/2027")');
  });

  it('--complete makes an imported notice the whole year: the rule-computed days are dropped', async () => {
    const before = JSON.parse((await cli(['calendar', 'list', '--year', '2028', '--json'], env)).out) as { notice: boolean; days: unknown[] };
    expect(before.notice).toBe(false);
    expect(before.days.length).toBeGreaterThan(5);
    const file = join(dir, 'tb-2028.csv');
    writeFileSync(file, 'date,kind,name,source\n2028-01-01,day_off,Tết Dương lịch,1/TB-BNV\n2028-01-24,day_off,Tết Nguyên Đán,1/TB-BNV\n');
    expect((await cli(['calendar', 'import', file, '--complete'], env)).code).toBe(0);
    const after = JSON.parse((await cli(['calendar', 'list', '--year', '2028', '--json'], env)).out) as { notice: boolean; days: { date: string }[] };
    expect(after.notice).toBe(true);
    expect(after.days.map((d) => d.date)).toEqual(['2028-01-24']); // 1/1/2028 is a Saturday
  });

  it('rejects bad usage with a clear message', async () => {
    expect((await cli(['calendar', 'add', '2027-03-15', '--name', 'x', '--source', 'y'], env)).err).toContain('--off');
    expect((await cli(['calendar', 'add', '2027-13-15', '--off', '--name', 'x', '--source', 'y'], env)).err).toContain('ngày không hợp lệ');
    expect((await cli(['calendar', 'add', '2027-03-15', '--off', '--name', 'x'], env)).err).toContain('thiếu căn cứ');
    expect((await cli(['calendar', 'remove', '2027-03-20'], env)).code).toBe(1);
    expect((await cli(['calendar', 'frobnicate'], env)).code).toBe(2);
  });
});

describe('dunghan due', () => {
  it('prints the due date with +07:00, the days skipped and the reason', async () => {
    const r = await cli(['due', '--received', '2026-02-13T09:00:00+07:00', '--days', '2', '--json'], env);
    expect(Object.keys(JSON.parse(r.out))).toEqual(['dueAt', 'workingDaysSkipped', 'reason', 'startedAt']);
    expect(JSON.parse(r.out)).toMatchObject({
      dueAt: '2026-02-24T17:00:00+07:00',
      workingDaysSkipped: ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'],
      reason: 'working_days',
    });
  });

  it('adds paused time and handles calendar days and the after-15:00 rule', async () => {
    expect((await dueAt(['--received', '2026-11-27T15:30:00+07:00', '--days', '0'])).reason).toBe('same_day_after_cutoff');
    // Monday 30/11/2026 + 3 working days; the applicant took one full working day to supplement.
    const plain = await dueAt(['--received', '2026-11-30T09:00:00+07:00', '--days', '3']);
    const paused = await dueAt(['--received', '2026-11-30T09:00:00+07:00', '--days', '3', '--paused', '2026-12-01T07:30:00+07:00/2026-12-02T07:30:00+07:00']);
    expect(plain.dueAt).toBe('2026-12-03T17:00:00+07:00');
    expect(paused.dueAt).toBe('2026-12-04T17:00:00+07:00');
    // Culture Day (24/11/2026) is skipped.
    expect((await dueAt(['--received', '2026-11-23T09:00:00+07:00', '--days', '3'])).dueAt).toBe('2026-11-27T17:00:00+07:00');
    // 15 calendar days from 27/11/2026 end on Saturday 12/12: moved to Monday 14/12.
    expect(await dueAt(['--received', '2026-11-27T09:00:00+07:00', '--calendar-days', '15'])).toMatchObject({
      dueAt: '2026-12-14T17:00:00+07:00',
      reason: 'calendar_day_moved_off_holiday',
    });
  });

  it('a calendar-day limit counts the days off inside it and says so; only days the deadline moved over are skipped', async () => {
    // 15 calendar days from Monday 2/3/2026 end on Tuesday 17/3: the two weekends inside count.
    const r = await cli(['due', '--received', '2026-03-02T10:00:00+07:00', '--calendar-days', '15'], env);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('Bỏ qua');
    expect(r.out).toContain('Tính cả 4 ngày nghỉ trong thời hạn (ngày theo lịch): 07/03, 08/03, 14/03, 15/03.');
    expect((await dueAt(['--received', '2026-03-02T10:00:00+07:00', '--calendar-days', '15'])).workingDaysSkipped).toEqual([]);
    // 5 calendar days end on Saturday 7/3: the weekend is skipped (due Monday 9/3), nothing before it was a day off.
    const moved = await cli(['due', '--received', '2026-03-02T10:00:00+07:00', '--calendar-days', '5'], env);
    expect(moved.out).toContain('Bỏ qua 2 ngày nghỉ: 07/03, 08/03.');
    expect(moved.out).not.toContain('Tính cả');
    expect((await dueAt(['--received', '2026-03-02T10:00:00+07:00', '--calendar-days', '5'])).workingDaysSkipped).toEqual(['2026-03-07', '2026-03-08']);
    // Working days still skip every day off.
    expect((await cli(['due', '--received', '2026-03-06T10:00:00+07:00', '--days', '1'], env)).out).toContain('Bỏ qua 2 ngày nghỉ: 07/03, 08/03.');
  });

  it.each([
    [['--received', 'hôm qua', '--days', '1'], '--received'],
    [['--received', '2026-11-27', '--days', 'ba'], '--days'],
    [['--received', '2026-11-27', '--days', '5000'], '--days'],
    [['--received', '2026-11-27', '--calendar-days', '1.5'], '--calendar-days'],
    [['--received', '2026-11-27', '--days', '1', '--hours', '2'], '--days, --hours'],
    [['--received', '2026-11-27', '--days', '1', '--paused', '2026-11-28/2026-11-27'], '--paused'],
  ])('rejects %j naming %s, exit code 2', async (args, flag) => {
    const r = await cli(['due', ...args], env);
    expect(r.code).toBe(2);
    expect(r.err).toContain(flag);
  });
});
