import type { LocalDate } from './time.ts';

/** One day of a holiday table: a weekday off or a weekend day worked. */
export type DayEntry = {
  date: LocalDate;
  kind: 'day_off' | 'working_day';
  name: string;
  /** The notice, law or resolution the day comes from. */
  source: string;
};

/** A day set at run time (loaded by the database layer); scope is '*' or a unit code. */
export type DayOverride = DayEntry & { scope: string };

/**
 * Why a day is (not) worked. 'holiday' covers statutory days, their make-up days off and weekdays
 * off by swap; 'makeup' is a weekend day worked in a swap (làm bù).
 */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeup' | 'override_off' | 'override_working';

export type DayInfo = {
  date: LocalDate;
  working: boolean;
  kind: DayKind;
  name?: string;
  source?: string;
};
