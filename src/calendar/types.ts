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
 * Why a day is (not) worked. 'weekday': an ordinary day of the unit's working week (Saturday
 * mornings included for Saturday units); 'weekend': a weekly rest day; 'holiday': a statutory day,
 * its make-up day off or a weekday off by swap (and, for Saturday units, a Saturday inside a
 * holiday break); 'makeup': a weekend day worked in a swap (làm bù); 'override_*': set at run time.
 */
export type DayKind = 'weekday' | 'weekend' | 'holiday' | 'makeup' | 'override_off' | 'override_working';

export type DayInfo = {
  date: LocalDate;
  working: boolean;
  kind: DayKind;
  name?: string;
  source?: string;
};
