// A Vietnamese mobile number as ZNS wants it: "84" and the nine digits after the trunk 0
// (0912 345 678 → 84912345678). Accepted: 0xxxxxxxxx, +84xxxxxxxxx and 84xxxxxxxxx, with spaces
// or dots anywhere, and the common "+84 0912…" (the trunk 0 kept after the country code). Anything
// else is refused with the reason, for the caller to name in the person's language: ZNS reaches
// Zalo accounts, which are mobile numbers (03x, 05x, 07x, 08x, 09x since the 2018 renumbering).

export type PhoneProblem =
  /** Nothing but blanks. */
  | 'empty'
  /** A character other than digits, spaces, dots and one leading "+". */
  | 'characters'
  /** "+" followed by another country code than 84. */
  | 'country'
  /** Neither 0, 84 nor +84 in front (e.g. the 0 lost by a spreadsheet). */
  | 'prefix'
  /** Not nine digits after the prefix. */
  | 'length'
  /** Not a mobile number (a landline 02x…, or an unused prefix). */
  | 'not_mobile';

export type PhoneResult = { ok: true; phone: string } | { ok: false; problem: PhoneProblem };

export function normalizePhone(input: string): PhoneResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!/^\+?[\d .]+$/.test(trimmed)) return { ok: false, problem: 'characters' };
  const digits = trimmed.replace(/[ .]/g, '');
  let national: string;
  if (digits.startsWith('+')) {
    if (!digits.startsWith('+84')) return { ok: false, problem: 'country' };
    national = digits.slice(3);
  } else if (digits.startsWith('84')) national = digits.slice(2);
  else if (digits.startsWith('0')) national = digits.slice(1);
  else return { ok: false, problem: 'prefix' };
  if (digits[0] !== '0' && national.startsWith('0')) national = national.slice(1);
  if (national === '') return { ok: false, problem: 'length' };
  if (!/^[35789]/.test(national)) return { ok: false, problem: 'not_mobile' };
  if (national.length !== 9) return { ok: false, problem: 'length' };
  return { ok: true, phone: `84${national}` };
}
