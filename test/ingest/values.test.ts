// The value parsers read what one-stop exports actually contain.
import { describe, expect, it } from 'vitest';
import { headerKey, mapColumns } from '../../src/ingest/fields.ts';
import { guessDelimiter } from '../../src/ingest/read-csv.ts';
import { SeenCodes } from '../../src/ingest/seen-codes.ts';
import { mergeSupplements } from '../../src/ingest/supplements.ts';
import {
  hasLoneSurrogate, isFailure, parseBoolean, parseChannel, parseCount, parseInstant, parseMoney, parsePaidOnline, parseSatisfaction, parseStatus, parseText,
} from '../../src/ingest/values.ts';

const vn = (s: string) => new Date(`${s}+07:00`);

describe('dates', () => {
  it.each([
    ['20261127093000', '2026-11-27T09:30:00'],
    ['20261127', '2026-11-27T00:00:00'],
    ['202611270930', '2026-11-27T09:30:00'],
    ['27/11/2026', '2026-11-27T00:00:00'],
    ['27/11/2026 09:30', '2026-11-27T09:30:00'],
    ['27/11/2026 09:30:15', '2026-11-27T09:30:15'],
    ['7/3/2026 8:05', '2026-03-07T08:05:00'],
    ['27-11-2026 9h30', '2026-11-27T09:30:00'],
    ['09:30 27/11/2026', '2026-11-27T09:30:00'],
    ['2026-11-27', '2026-11-27T00:00:00'],
    ['2026-11-27T09:30', '2026-11-27T09:30:00'],
    ['2026-11-27 09:30:00', '2026-11-27T09:30:00'],
  ])('%s is %s in Vietnam', (text, local) => {
    expect(parseInstant(text)).toEqual(vn(local));
  });

  it('honours an explicit offset', () => {
    expect(parseInstant('2026-11-27T02:30:00Z')).toEqual(new Date('2026-11-27T02:30:00Z'));
    expect(parseInstant('2026-11-27T09:30:00.250+07:00')).toEqual(new Date('2026-11-27T02:30:00.250Z'));
    expect(parseInstant('2026-11-27T03:30:00+0100')).toEqual(new Date('2026-11-27T02:30:00Z'));
  });

  it('reads Excel serial numbers as Vietnamese wall time, as numbers or text', () => {
    // 46353 = 2026-11-27; .395833… = 09:30
    expect(parseInstant(46353.395833333336)).toEqual(vn('2026-11-27T09:30:00'));
    expect(parseInstant(46353)).toEqual(vn('2026-11-27T00:00:00'));
    expect(parseInstant('46353,5')).toEqual(vn('2026-11-27T12:00:00'));
    expect(parseInstant(20261127093000)).toEqual(vn('2026-11-27T09:30:00'));
  });

  it('gives a due date without a time the end of the working day when asked', () => {
    expect(parseInstant('27/11/2026', { dateOnlyMinutes: 17 * 60 })).toEqual(vn('2026-11-27T17:00:00'));
    expect(parseInstant('27/11/2026 08:00', { dateOnlyMinutes: 17 * 60 })).toEqual(vn('2026-11-27T08:00:00'));
    // An Excel date cell without a time is a whole serial number, as a number or as text.
    expect(parseInstant(46353, { dateOnlyMinutes: 17 * 60 })).toEqual(vn('2026-11-27T17:00:00'));
    expect(parseInstant('46353', { dateOnlyMinutes: 17 * 60 })).toEqual(vn('2026-11-27T17:00:00'));
    expect(parseInstant(46353.375, { dateOnlyMinutes: 17 * 60 })).toEqual(vn('2026-11-27T09:00:00'));
  });

  it.each(['31/02/2026', '2026-13-01', '20261199093000', '27/11/26', 'hôm qua', '25:00 27/11/2026', '2026-11-27T24:00'])('rejects %s', (text) => {
    expect(isFailure(parseInstant(text))).toBe(true);
  });

  it('treats empty cells as missing', () => {
    expect(parseInstant('  ')).toBeNull();
    expect(parseInstant(null)).toBeNull();
  });
});

describe('codes and words', () => {
  it('reads KenhThucHien from codes and words, empty being direct', () => {
    expect(parseChannel('2')).toBe(2);
    expect(parseChannel('Trực tuyến')).toBe(2);
    expect(parseChannel('TRUC TIEP')).toBe(1);
    expect(parseChannel('Bưu chính công ích')).toBe(3);
    expect(parseChannel('')).toBe(1);
    expect(isFailure(parseChannel('Fax'))).toBe(true);
    expect(parseChannel('Cổng DVC', new Map([['cong dvc', 2]]))).toBe(2);
  });

  it('reads TrangThaiHoSo from codes, Vietnamese names and DVCQG keys', () => {
    expect(parseStatus('10')).toBe(10);
    expect(parseStatus('Đã trả kết quả')).toBe(10);
    expect(parseStatus('Đã xử lý xong (có kết quả)')).toBe(9);
    expect(parseStatus('Yêu cầu bổ sung giấy tờ (chờ bổ sung)')).toBe(5);
    expect(parseStatus('đang xử lý')).toBe(4);
    expect(parseStatus('processing')).toBe(4);
    expect(isFailure(parseStatus('11'))).toBe(true);
    expect(isFailure(parseStatus('Hoàn thành'))).toBe(true);
    expect(parseStatus('Hoàn thành', new Map([['hoan thanh', 10]]))).toBe(10);
  });

  it('reads yes/no, payments, money and ratings', () => {
    expect([parseBoolean('Có'), parseBoolean('x'), parseBoolean('0'), parseBoolean(''), parseBoolean(true)]).toEqual([true, true, false, false, true]);
    expect(isFailure(parseBoolean('maybe'))).toBe(true);
    expect([parsePaidOnline('2'), parsePaidOnline('1'), parsePaidOnline('0')]).toEqual([true, true, false]);
    expect([parseMoney('20000'), parseMoney('20.000'), parseMoney('1.250.000 đ'), parseMoney('20,000'), parseMoney('20 000 VNĐ'), parseMoney(''), parseMoney(8000)]).toEqual([20000, 20000, 1250000, 20000, 20000, 0, 8000]);
    expect(isFailure(parseMoney('-5'))).toBe(true);
    expect(isFailure(parseMoney('12,5'))).toBe(true);
    expect([parseSatisfaction('3'), parseSatisfaction('Rất hài lòng'), parseSatisfaction('Không hài lòng'), parseSatisfaction('')]).toEqual([3, 3, 1, null]);
  });
});

describe('headers', () => {
  it('maps DVCQG names and Vietnamese headers, ignoring case, diacritics, punctuation and notes', () => {
    const m = mapColumns(['STT', 'Mã hồ sơ', 'MÃ THỦ TỤC', 'Đơn vị xử lý', 'Ngày tiếp nhận', 'Ngày hẹn trả (*)', 'Trạng thái', 'Phí, lệ phí (VNĐ)', 'NgayTra', 'Số hồ sơ']);
    expect(Object.fromEntries([...m.fields].map(([i, f]) => [i, f]))).toEqual({
      1: 'MaHoSo', 2: 'MaTTHC', 3: 'DonViXuLy', 4: 'NgayTiepNhan', 5: 'NgayHenTra', 6: 'TrangThaiHoSo', 7: 'PhiLePhi', 8: 'NgayTra',
    });
    expect(m.ignored).toEqual(['STT']);
    expect(m.duplicates).toEqual(['Số hồ sơ']);
    expect(m.missing).toEqual([]);
    expect(headerKey('  Ngày  tiếp nhận ')).toBe('ngaytiepnhan');
  });

  it('guesses the separator from the first lines, ignoring commas inside quotes', () => {
    expect(guessDelimiter('Mã hồ sơ;Tên thủ tục;Ngày\n1;"Đăng ký, cải chính";2\n')).toBe(';');
    expect(guessDelimiter('a,b,c\n"x;y",1,2\n')).toBe(',');
  });
});

describe('supplements from a flat row', () => {
  const r = vn('2026-11-10T09:00:00');
  const s = vn('2026-11-12T09:00:00');
  it('keeps what is stored when the file has no supplement columns', () => {
    expect(mergeSupplements(null, [{ requestedAt: r, suppliedAt: null }])).toEqual([{ requestedAt: r, suppliedAt: null }]);
  });
  it('makes the row the latest request and keeps the earlier stored ones', () => {
    const first = { requestedAt: vn('2026-11-03T09:00:00'), suppliedAt: vn('2026-11-04T09:00:00') };
    expect(mergeSupplements({ requestedAt: r, suppliedAt: s, count: 2 }, [first])).toEqual([first, { requestedAt: r, suppliedAt: s }]);
  });
  it('records earlier requests it never saw as zero-length pauses at the latest request', () => {
    expect(mergeSupplements({ requestedAt: r, suppliedAt: null, count: 2 }, [])).toEqual([{ requestedAt: r, suppliedAt: r }, { requestedAt: r, suppliedAt: null }]);
  });
  it('follows the source when it reports none', () => {
    expect(mergeSupplements({ requestedAt: null, suppliedAt: null, count: 0 }, [{ requestedAt: r, suppliedAt: null }])).toEqual([]);
  });
});

describe('codes seen in one file', () => {
  it('remembers a million codes exactly, with the row of their first appearance', () => {
    const seen = new SeenCodes();
    let fresh = 0;
    for (let i = 0; i < 1_000_000; i++) if (seen.check(`000.00.12.H55-261127-${i}`, i + 2) === undefined) fresh++;
    expect(fresh).toBe(1_000_000);
    expect(seen.check('000.00.12.H55-261127-0', 5)).toBe(2);
    expect(seen.check('000.00.12.H55-261127-999999', 7)).toBe(1_000_001);
    expect(seen.check('Hồ sơ số 1', 9)).toBeUndefined();
    expect(seen.check('Hồ sơ số 1', 10)).toBe(9);
    expect(seen.size).toBe(1_000_001);
  });
});

/** Names that every plain JavaScript object answers to, in the spellings a file or a request may use. */
const PROTOTYPE_WORDS = ['constructor', 'Constructor', 'CONSTRUCTOR', '__proto__', '__PROTO__', 'toString', 'TOSTRING', 'valueOf', 'hasOwnProperty',
  'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];

describe('hostile values', () => {
  it.each(PROTOTYPE_WORDS)('"%s" is no status, channel or rating word (it is refused, not looked up on Object.prototype)', (w) => {
    expect(parseStatus(w)).toEqual({ fail: 'ingest-bad-status' });
    expect(parseChannel(w)).toEqual({ fail: 'ingest-bad-channel' });
    expect(parseSatisfaction(w)).toEqual({ fail: 'ingest-bad-satisfaction' });
    expect(parseBoolean(w)).toEqual({ fail: 'ingest-bad-boolean' });
    expect(parsePaidOnline(w)).toEqual({ fail: 'ingest-bad-boolean' });
  });

  it('still reads mapped words, and a mapping cannot turn a prototype name into a status', () => {
    expect(parseStatus('Hoàn thành', new Map([['hoan thanh', 10]]))).toBe(10);
    expect(parseStatus('constructor', new Map([['hoan thanh', 10]]))).toEqual({ fail: 'ingest-bad-status' });
  });

  it.each(['-1', '+1', '-0', '1.0', '01', '-2', '(1)', '1!'])('reads %s as neither yes nor no', (s) => {
    expect(parseBoolean(s)).toEqual({ fail: 'ingest-bad-boolean' });
    expect(parsePaidOnline(s)).toEqual({ fail: 'ingest-bad-boolean' });
  });

  it('refuses a negative number, NaN or infinity in yes/no, code and count fields instead of reading it as yes or as empty', () => {
    for (const n of [-1, -2, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(isFailure(parseBoolean(n)), String(n)).toBe(true);
      expect(isFailure(parsePaidOnline(n)), String(n)).toBe(true);
      expect(isFailure(parseChannel(n)), String(n)).toBe(true);
      expect(isFailure(parseStatus(n)), String(n)).toBe(true);
      expect(isFailure(parseSatisfaction(n)), String(n)).toBe(true);
      expect(isFailure(parseCount(n, 0, 20)), String(n)).toBe(true);
    }
    // In a text field -1 is just text; a number that is not finite is not.
    expect(parseText(-1, 100)).toBe('-1');
    expect(parseText(Number.NaN, 100)).toEqual({ fail: 'ingest-bad-text' });
    expect(parseText(Number.NEGATIVE_INFINITY, 100)).toEqual({ fail: 'ingest-bad-text' });
  });

  it('refuses true/false where a code, a count or an amount is meant', () => {
    expect(parseStatus(true)).toEqual({ fail: 'ingest-bad-status' });
    expect(parseChannel(false)).toEqual({ fail: 'ingest-bad-channel' });
    expect(parseSatisfaction(true)).toEqual({ fail: 'ingest-bad-satisfaction' });
    expect(isFailure(parseCount(true, 0, 20))).toBe(true);
    expect(parseMoney(true)).toEqual({ fail: 'ingest-bad-money' });
  });

  it.each(['2026-11-20T09:00:00+99:99', '2026-11-20T09:00:00-99:99', '2026-11-20T09:00:00+15:00', '2026-11-20T09:00:00+07:60', '2026-11-20T09:00:00+0799',
    '2026-11-20T09:00:00-12:01'])(
    'refuses the offset of %s',
    (s) => expect(parseInstant(s)).toEqual({ fail: 'ingest-bad-date' }),
  );

  it('accepts every real offset, from -12:00 to +14:00', () => {
    expect(parseInstant('2026-11-20T09:00:00+14:00')).toEqual(new Date('2026-11-19T19:00:00Z'));
    expect(parseInstant('2026-11-20T09:00:00-12:00')).toEqual(new Date('2026-11-20T21:00:00Z'));
    expect(parseInstant('2026-11-20T09:00:00+05:45')).toEqual(new Date('2026-11-20T03:15:00Z'));
  });

  it.each([['a lone high surrogate', 'HS-\ud800-1'], ['a lone low surrogate', '\udc00HS'], ['a reversed pair', 'HS\udc00\ud800'],
    ['the replacement character of a bad byte', 'Đăng k\ufffd khai sinh']])(
    'refuses text with %s',
    (_what, s) => expect(parseText(s, 100)).toEqual({ fail: 'ingest-bad-unicode' }),
  );

  it('keeps text as given but for the documented normalisations: surrounding spaces trimmed, Unicode NFC', () => {
    expect(parseText('  Đăng ký khai sinh 😀 ', 100)).toBe('Đăng ký khai sinh 😀');
    expect(parseText('Đăng ký khai sinh'.normalize('NFD'), 100)).toBe('Đăng ký khai sinh'.normalize('NFC'));
    expect(parseText('a\u0000b', 100)).toEqual({ fail: 'ingest-control-chars' });
    expect(parseText('a\u0085b', 100)).toEqual({ fail: 'ingest-control-chars' });
  });

  it('refuses a word with a control character or broken Unicode inside, which word matching would otherwise drop', () => {
    expect(parseChannel('Trực tuyến\u0000')).toEqual({ fail: 'ingest-control-chars' });
    expect(parseStatus('Đang xử lý\ud800')).toEqual({ fail: 'ingest-bad-unicode' });
    expect(parseBoolean('Có\ufffd')).toEqual({ fail: 'ingest-bad-unicode' });
    expect(parseSatisfaction('Hài lòng\u0007')).toEqual({ fail: 'ingest-control-chars' });
    expect(parseMoney('20.000 đ\u0000')).toEqual({ fail: 'ingest-control-chars' });
  });

  it('refuses a number in a text field whose digits were already lost (beyond 2^53)', () => {
    expect(parseText(2 ** 53, 100)).toEqual({ fail: 'ingest-bad-text' });
    expect(parseText(1e21, 100)).toEqual({ fail: 'ingest-bad-text' });
    expect(parseText(123456789, 100)).toBe('123456789');
    expect(parseText(1.001193, 100)).toBe('1.001193');
  });
});

describe('well-formed text check (shared with the file readers)', () => {
  it('finds lone surrogates, and only them', () => {
    expect(hasLoneSurrogate('Xã Bình Sơn 😀🇻🇳')).toBe(false);
    expect(hasLoneSurrogate('\ud83d')).toBe(true);
    expect(hasLoneSurrogate('x\ude00')).toBe(true);
    expect(hasLoneSurrogate('\ud83d\ude00')).toBe(false);
  });
});
