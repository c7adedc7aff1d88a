// Test helper: an instant written as Vietnamese local time, 'YYYY-MM-DD HH:MM'.
export function vn(local: string): Date {
  const date = new Date(`${local.replace(' ', 'T')}:00+07:00`);
  if (Number.isNaN(date.getTime())) throw new Error(`bad test instant ${local}`);
  return date;
}
