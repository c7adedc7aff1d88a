// The government's yearly holiday notices for the civil service (docs/rules.md#government-notices). In a year listed
// here these days REPLACE the rule-computed ones: each year's list is complete, every weekday off
// and every Saturday worked, one entry per day.
import type { DayEntry } from './types.ts';

const TB_5015 = '5015/TB-LĐTBXH';
const TB_1570 = '1570/TB-LĐTBXH';
const TB_6150 = '6150/TB-BLĐTBXH';
const CV_12729 = '12729/VPCP-KGVX';
const TB_9441 = '9441/TB-BNV';
const CV_3383 = '3383/BNV-CVL';
const NQ_28 = 'NQ 28/2026/QH16';

const off = (date: string, name: string, source: string): DayEntry => ({ date, kind: 'day_off', name, source });
const work = (date: string, name: string, source: string): DayEntry => ({ date, kind: 'working_day', name, source });

const NOTICE_DAYS: readonly DayEntry[] = [
  // 2024
  off('2024-01-01', 'Tết Dương lịch', TB_5015),
  off('2024-02-08', 'Tết Nguyên Đán', TB_5015),
  off('2024-02-09', 'Tết Nguyên Đán', TB_5015),
  off('2024-02-12', 'Tết Nguyên Đán', TB_5015),
  off('2024-02-13', 'Nghỉ bù Tết Nguyên Đán', TB_5015),
  off('2024-02-14', 'Nghỉ bù Tết Nguyên Đán', TB_5015),
  off('2024-04-18', 'Giỗ Tổ Hùng Vương', TB_5015),
  off('2024-04-29', 'Nghỉ hoán đổi dịp 30/4 – 1/5', TB_1570),
  off('2024-04-30', 'Ngày Chiến thắng', TB_5015),
  off('2024-05-01', 'Ngày Quốc tế Lao động', TB_5015),
  work('2024-05-04', 'Làm bù cho ngày 29/4', TB_1570),
  off('2024-09-02', 'Quốc khánh', TB_5015),
  off('2024-09-03', 'Quốc khánh', TB_5015),
  // 2025
  off('2025-01-01', 'Tết Dương lịch', TB_6150),
  off('2025-01-27', 'Tết Nguyên Đán', TB_6150),
  off('2025-01-28', 'Tết Nguyên Đán', TB_6150),
  off('2025-01-29', 'Tết Nguyên Đán', TB_6150),
  off('2025-01-30', 'Tết Nguyên Đán', TB_6150),
  off('2025-01-31', 'Tết Nguyên Đán', TB_6150),
  off('2025-04-07', 'Giỗ Tổ Hùng Vương', TB_6150),
  work('2025-04-26', 'Làm bù cho ngày 2/5', TB_6150),
  off('2025-04-30', 'Ngày Chiến thắng', TB_6150),
  off('2025-05-01', 'Ngày Quốc tế Lao động', TB_6150),
  off('2025-05-02', 'Nghỉ hoán đổi dịp 30/4 – 1/5', TB_6150),
  off('2025-09-01', 'Quốc khánh', TB_6150),
  off('2025-09-02', 'Quốc khánh', TB_6150),
  // 2026
  off('2026-01-01', 'Tết Dương lịch', CV_12729),
  off('2026-01-02', 'Nghỉ hoán đổi dịp Tết Dương lịch', CV_12729),
  work('2026-01-10', 'Làm bù cho ngày 2/1', CV_12729),
  off('2026-02-16', 'Tết Nguyên Đán', TB_9441),
  off('2026-02-17', 'Tết Nguyên Đán', TB_9441),
  off('2026-02-18', 'Tết Nguyên Đán', TB_9441),
  off('2026-02-19', 'Tết Nguyên Đán', TB_9441),
  off('2026-02-20', 'Tết Nguyên Đán', TB_9441),
  off('2026-04-27', 'Nghỉ bù Giỗ Tổ Hùng Vương', CV_3383),
  off('2026-04-30', 'Ngày Chiến thắng', CV_3383),
  off('2026-05-01', 'Ngày Quốc tế Lao động', CV_3383),
  work('2026-08-22', 'Làm bù cho ngày 31/8', TB_9441),
  off('2026-08-31', 'Nghỉ hoán đổi dịp Quốc khánh', TB_9441),
  off('2026-09-01', 'Quốc khánh', TB_9441),
  off('2026-09-02', 'Quốc khánh', TB_9441),
  off('2026-11-24', 'Ngày Văn hóa Việt Nam', NQ_28),
];

const byYear = new Map<number, DayEntry[]>();
for (const entry of NOTICE_DAYS) {
  const year = Number(entry.date.slice(0, 4));
  const list = byYear.get(year) ?? [];
  list.push(entry);
  byYear.set(year, list);
}

/** The notice days of a year, or undefined when no notice has been recorded for it. */
export function noticeDays(year: number): readonly DayEntry[] | undefined {
  return byYear.get(year);
}
