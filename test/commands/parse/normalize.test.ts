import { describe, expect, it } from 'vitest';
import { fold } from '../../../src/i18n/fold.ts';
import { tidy, tokens } from '../../../src/commands/parse/normalize.ts';

describe('fold', () => {
  it.each([
    ['Tiến độ', 'tien do'],
    ['QUÁ HẠN', 'qua han'],
    ['Xã Bình Sơn', 'xa binh son'],
    ['Đông Sơn', 'dong son'],
    ['đăng ký', 'dang ky'],
    ['Ủy ban nhân dân', 'uy ban nhan dan'],
    ['Uỷ ban', 'uy ban'],
    ['Sở Nông nghiệp và Môi trường', 'so nong nghiep va moi truong'],
    ['  xã\tBình \n Sơn  ', 'xa binh son'],
    ['Vạn Tường', 'van tuong'],
    ['Phòng Văn hóa – Xã hội', 'phong van hoa – xa hoi'],
    ['ĐỒNG Ý', 'dong y'],
    // Ð (eth, U+00D0) stands in for Đ in text converted from legacy encodings.
    ['\u00D0ông Sơn', 'dong son'],
    // Full-width digits and letters from some keyboards.
    ['Ｑ４', 'q4'],
    // Zero-width space and non-breaking space.
    ['tiến\u200B độ\u00A0xã', 'tien do xa'],
    ['', ''],
  ])('%j → %j', (input, folded) => {
    expect(fold(input)).toBe(folded);
  });

  it('treats decomposed (NFD) and precomposed (NFC) text alike', () => {
    for (const s of ['Tiến độ xã Bình Sơn', 'Quý IV', 'Trợ giúp', 'Xác nhận', 'Đặng Thùy Trâm', 'Nghĩa Hành']) {
      const nfd = s.normalize('NFD');
      expect(nfd).not.toBe(s.normalize('NFC'));
      expect(fold(nfd)).toBe(fold(s.normalize('NFC')));
    }
  });

  it('folds marks typed in a non-canonical order (tone before the hat, as some keyboards send)', () => {
    // ế typed as e + acute + circumflex instead of e + circumflex + acute.
    expect(fold('tie\u0301\u0302n đo\u0323\u0302')).toBe('tien do');
  });

  it('is idempotent even where lower-casing creates a mark (İ)', () => {
    expect(fold('İ')).toBe('i');
    expect(fold(fold('İSTANBUL'))).toBe(fold('İSTANBUL'));
  });
});

describe('tokens and tidy', () => {
  it('splits folded words', () => {
    expect(tokens('  Tiến độ   xã Bình Sơn ')).toEqual(['tien', 'do', 'xa', 'binh', 'son']);
    expect(tokens('   ')).toEqual([]);
  });

  it('tidy keeps case and diacritics, in NFC', () => {
    expect(tidy(' Xã  Bình\u200B Sơn '.normalize('NFD'))).toBe('Xã Bình Sơn');
  });
});
