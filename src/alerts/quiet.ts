// Stage 4, quiet hours: reminders go out only on working days within working hours (Asia/Ho_Chi_Minh);
// anything planned outside waits for the next working window.
import type { WorkCalendar } from '../calendar/calendar.ts';

export function nextWindow(at: Date, calendar: WorkCalendar): Date {
  return calendar.workStart(at);
}
