import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../../src/calendar/time.ts';
import { splitUnitAndPeriod } from '../../../src/commands/parse/args.ts';
import { COMMAND_NAMES, parseCommand } from '../../../src/commands/parse/command.ts';
import { parseCommitDate } from '../../../src/commands/parse/commit-date.ts';
import { fold } from '../../../src/i18n/fold.ts';
import { tidy } from '../../../src/commands/parse/normalize.ts';
import { isPeriodError, parsePeriod } from '../../../src/commands/parse/period.ts';
import { MAX_SUGGESTIONS, matchUnit } from '../../../src/commands/parse/units.ts';
import { demoUnits } from '../../../src/demo/structure.ts';

const anyText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }));
/** Instants 2000–2035, with minutes, so every local hour and weekday occurs. */
const instant = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 11, 31) }).map((t) => new Date(t));

const syllables = ['Tiến', 'độ', 'Quá', 'hạn', 'Xã', 'Bình', 'Sơn', 'Đông', 'Vạn', 'Tường', 'Quý', 'tháng', 'năm', 'hồ', 'sơ', 'Ủy', 'ban', 'nhân', 'dân', 'Nghĩa', 'Hành', 'Thùy', 'Trâm', 'Lý', 'Sỹ', 'Mỹ', 'Ngãi', 'Đức', 'Phổ'];
/** Vietnamese-looking text in any case, NFC or NFD. */
const vietnamese = fc
  .tuple(fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 6 }), fc.constantFrom('NFC', 'NFD'), fc.constantFrom('lower', 'upper', 'as-is'))
  .map(([ws, form, casing]) => {
    const s = ws.join(' ');
    return (casing === 'lower' ? s.toLowerCase() : casing === 'upper' ? s.toUpperCase() : s).normalize(form);
  });

/** Random spelling of a text: case, NFC/NFD, or diacritics dropped. */
const spelled = (s: string) =>
  fc.constantFrom<(x: string) => string>(
    (x) => x,
    (x) => x.toUpperCase(),
    (x) => x.normalize('NFD'),
    (x) => fold(x),
  ).map((f) => f(s));

const num = (min: number, max: number) => fc.integer({ min, max });
const periodText = fc.oneof(
  fc.constantFrom(
    'hôm nay', 'hôm qua', 'tuần này', 'tuần', 'tuần trước', 'tháng này', 'tháng', 'tháng trước', 'quý này', 'quý', 'quý trước',
    'năm', 'năm nay', 'từ đầu năm', 'ytd', 'năm ngoái', 'lũy kế',
  ).chain(spelled),
  fc.tuple(fc.constantFrom('tháng ', 'thang ', 't', 'thg '), num(0, 13), fc.option(num(1995, 2040))).map(([p, m, y]) => `${p}${m}${y === null ? '' : `/${y}`}`),
  fc.tuple(num(0, 13), num(1995, 2040)).map(([m, y]) => `${m}/${y}`),
  fc.tuple(fc.constantFrom('quý ', 'quy ', 'q', 'Q'), fc.constantFrom('0', '1', '2', '3', '4', '5', 'I', 'II', 'III', 'IV'), fc.option(num(1995, 2040))).map(
    ([p, q, y]) => `${p}${q}${y === null ? '' : ` năm ${y}`}`,
  ),
  num(1995, 2040).map((y) => `${y}`),
  num(0, 400).map((n) => `${n} ngày qua`),
);
const dateText = fc.tuple(num(0, 32), num(0, 13), fc.option(num(1995, 2040))).map(([d, m, y]) => `${d}/${m}${y === null ? '' : `/${y}`}`);
const rangeText = fc
  .tuple(dateText, fc.constantFrom(' - ', '-', ' đến ', '..', ' – '), dateText, fc.boolean())
  .map(([a, sep, b, tu]) => `${tu ? 'từ ' : ''}${a}${sep}${b}`);
const anyPeriodText = fc.oneof(periodText, dateText, rangeText);

describe('fold properties', () => {
  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (s) => fold(fold(s)) === fold(s)), { numRuns: 2000 });
  });

  it('leaves no marks, no đ, no capitals, single inner spaces only', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, vietnamese), (s) => {
        const f = fold(s);
        expect(f).not.toMatch(/\p{M}|[đĐ]|^\s|\s$|\s\s/u);
        expect(f.toLowerCase()).toBe(f);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not depend on NFC vs NFD or on case', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, vietnamese), (s) => {
        expect(fold(s.normalize('NFD'))).toBe(fold(s.normalize('NFC')));
      }),
    );
    fc.assert(fc.property(vietnamese, (s) => fold(s.toUpperCase()) === fold(s.toLowerCase())));
  });

  it('folds Vietnamese to plain ASCII', () => {
    fc.assert(fc.property(vietnamese, (s) => /^[a-z ]*$/.test(fold(s))));
  });
});

describe('parsePeriod properties', () => {
  it('never ends after today, never starts after it ends, and dates the year by its end', () => {
    fc.assert(
      fc.property(anyPeriodText, instant, (text, at) => {
        const p = parsePeriod(text, at);
        if (p === null || isPeriodError(p)) return;
        const today = localDate(at);
        expect(p.to <= today, `${text}: ${p.to} > ${today}`).toBe(true);
        expect(p.from <= p.to).toBe(true);
        expect(p.year).toBe(Number(p.to.slice(0, 4)));
        if (p.kind === 'today') expect([p.from, p.to]).toEqual([today, today]);
        if (p.month !== undefined) {
          expect(p.from.slice(0, 8)).toBe(`${p.year}-${String(p.month).padStart(2, '0')}-`);
          expect(p.from.endsWith('-01')).toBe(true);
          expect(p.to.slice(0, 7)).toBe(p.from.slice(0, 7));
        }
        if (p.quarter !== undefined) expect(Math.ceil(Number(p.from.slice(5, 7)) / 3)).toBe(p.quarter);
      }),
      { numRuns: 3000 },
    );
  });

  it('recognises every generated month, quarter and year (as a period or a structured error)', () => {
    fc.assert(fc.property(periodText, instant, (text, at) => parsePeriod(text, at) !== null), { numRuns: 2000 });
  });

  it('a week is Monday to at most Sunday and contains today, or is the one before', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const today = localDate(at);
        const week = parsePeriod('tuần này', at);
        const last = parsePeriod('tuần trước', at);
        if (!week || isPeriodError(week) || !last || isPeriodError(last)) throw new Error('no week');
        expect(new Date(`${week.from}T00:00Z`).getUTCDay()).toBe(1);
        expect(week.to).toBe(today);
        expect(addDays(week.from, 6) >= today).toBe(true);
        expect([last.from, last.to]).toEqual([addDays(week.from, -7), addDays(week.from, -1)]);
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(anyText, instant, (text, at) => {
      parsePeriod(text, at);
    }), { numRuns: 2000 });
  });
});

describe('parseCommitDate properties', () => {
  it('is never in the past', () => {
    const text = fc.oneof(
      dateText,
      fc.constantFrom('mai', 'ngày mai', 'hôm nay', 'ngày kia', 'thứ 2', 'thứ 6', 'thu sau', 'chủ nhật', 'cn', 'thứ 3 tuần sau', 'thứ 5 tuần này', '3 ngày nữa').chain(spelled),
    );
    fc.assert(
      fc.property(text, instant, (t, at) => {
        const d = parseCommitDate(t, at);
        if (typeof d === 'string') expect(d >= localDate(at)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('"thứ N" is within the next seven days', () => {
    fc.assert(
      fc.property(fc.constantFrom('thứ 2', 'thứ 3', 'thứ 4', 'thứ 5', 'thứ 6', 'thứ 7', 'chủ nhật'), instant, (t, at) => {
        const d = parseCommitDate(t, at);
        const today = localDate(at);
        expect(typeof d === 'string' && d > today && d <= addDays(today, 7)).toBe(true);
      }),
    );
  });
});

describe('parseCommand properties', () => {
  const word = fc.stringMatching(/^[A-Za-z0-9À-ỹ]{1,8}$/);
  it('reads /name in any case with any arguments', () => {
    fc.assert(
      fc.property(fc.constantFrom(...COMMAND_NAMES), fc.array(word, { maxLength: 5 }), fc.boolean(), (name, args, upper) => {
        const rest = args.join('  ');
        const cmd = `/${upper ? name.toUpperCase() : name}@DungHanBot ${rest}`;
        expect(parseCommand(cmd, { botUsername: 'dunghanbot' })).toEqual({ name, rest: tidy(rest) });
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(anyText, fc.boolean(), (text, allowBare) => {
      parseCommand(text, { allowBare, botUsername: 'DungHanBot' });
      parseCommand(`/${text}`, { allowBare });
    }), { numRuns: 2000 });
  });
});

describe('matchUnit and splitUnitAndPeriod properties', () => {
  const units = demoUnits();

  it('finds every unit by its name, however spelled', () => {
    fc.assert(
      fc.property(fc.constantFrom(...units).chain((u) => spelled(u.name).map((q) => [u, q] as const)), ([u, q]) => {
        expect(matchUnit(q, units)).toEqual({ kind: 'match', unit: u });
      }),
    );
  });

  it('never throws and never suggests more than MAX_SUGGESTIONS', () => {
    fc.assert(fc.property(fc.oneof(anyText, vietnamese), (q) => {
      const m = matchUnit(q, units);
      if (m.kind === 'unknown') expect(m.suggestions.length).toBeLessThanOrEqual(MAX_SUGGESTIONS);
    }), { numRuns: 1000 });
  });

  it('splits a unit name and a period in either order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...units), periodText, instant, fc.boolean(), (u, p, at, periodFirst) => {
        const period = parsePeriod(p, at);
        // A lone "năm"/"tuần"/"tháng"/"quý" before a name reads as part of the name.
        fc.pre(period !== null && !(periodFirst && /^[a-z]+$/.test(fold(p))));
        const text = periodFirst ? `${p} ${u.name}` : `${u.name} ${p}`;
        expect(splitUnitAndPeriod(text, at)).toEqual({ unitText: u.name, period });
      }),
    );
  });
});
