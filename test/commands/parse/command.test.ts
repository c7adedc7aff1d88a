import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, parseCommand } from '../../../src/commands/parse/command.ts';

const tg = { botUsername: 'DungHanBot' };
const zalo = { allowBare: true };

describe('slash commands', () => {
  it.each(COMMAND_NAMES)('/%s in any case', (name) => {
    expect(parseCommand(`/${name}`)).toEqual({ name, rest: '' });
    expect(parseCommand(`/${name.toUpperCase()}`)).toEqual({ name, rest: '' });
  });

  it.each([
    ['/tiendo', { name: 'tiendo', rest: '' }],
    ['/TienDo', { name: 'tiendo', rest: '' }],
    ['/tiendo@DungHanBot xã Bình Sơn tuần này', { name: 'tiendo', rest: 'xã Bình Sơn tuần này' }],
    ['/tiendo@dunghanbot', { name: 'tiendo', rest: '' }],
    ['  /quahan   xã  Bình Sơn  ', { name: 'quahan', rest: 'xã Bình Sơn' }],
    ['/hoso 000.00.12.H55-260105-0001', { name: 'hoso', rest: '000.00.12.H55-260105-0001' }],
    ['/xacnhan 000.00.12.H55-260105-0001 05/12', { name: 'xacnhan', rest: '000.00.12.H55-260105-0001 05/12' }],
    ['/help', { name: 'trogiup', rest: '' }],
    ['/tien_do', { name: 'tiendo', rest: '' }],
    // Typed with diacritics or as words after the slash.
    ['/quá_hạn', { name: 'quahan', rest: '' }],
    ['/tiến độ xã Bình Sơn', { name: 'tiendo', rest: 'xã Bình Sơn' }],
  ] as const)('%j', (text, expected) => {
    expect(parseCommand(text, tg)).toEqual(expected);
  });

  it('takes the deep-link payload of /start as the rest', () => {
    expect(parseCommand('/start inv_ABCD-1234', tg)).toEqual({ name: 'start', rest: 'inv_ABCD-1234' });
    expect(parseCommand('/start@DungHanBot inv_ABCD-1234', tg)).toEqual({ name: 'start', rest: 'inv_ABCD-1234' });
    expect(parseCommand('/start', tg)).toEqual({ name: 'start', rest: '' });
  });

  it('ignores commands addressed to another bot, only when it knows its own name', () => {
    expect(parseCommand('/tiendo@OtherBot xã Bình Sơn', tg)).toBeNull();
    expect(parseCommand('/tiendo@OtherBot', { botUsername: '@DungHanBot' })).toBeNull();
    expect(parseCommand('/tiendo@OtherBot')).toEqual({ name: 'tiendo', rest: '' });
  });

  it('rejects unknown slash commands', () => {
    for (const text of ['/', '/foo', '/settings', '/ ', '/tiendox', '/@DungHanBot']) expect(parseCommand(text, tg)).toBeNull();
  });

  it('does not read bare words without allowBare', () => {
    expect(parseCommand('tiến độ', tg)).toBeNull();
    expect(parseCommand('tiendo')).toBeNull();
  });

  it('reads "@OurBot …" as addressed to us, slash or not', () => {
    expect(parseCommand('@DungHanBot tiến độ xã Bình Sơn', tg)).toEqual({ name: 'tiendo', rest: 'xã Bình Sơn' });
    expect(parseCommand('@dunghanbot /quahan', tg)).toEqual({ name: 'quahan', rest: '' });
    expect(parseCommand('@OtherBot tiến độ', { ...tg, allowBare: true })).toBeNull();
  });
});

describe('bare commands (Zalo)', () => {
  it.each([
    ['tiendo', 'tiendo', ''],
    ['quahan', 'quahan', ''],
    ['sapden', 'sapden', ''],
    ['xephang tháng này', 'xephang', 'tháng này'],
    ['tiến độ', 'tiendo', ''],
    ['tien do', 'tiendo', ''],
    ['TIẾN ĐỘ', 'tiendo', ''],
    ['Tiến  Độ', 'tiendo', ''],
    ['tiếnđộ', 'tiendo', ''],
    ['tiến độ xã Bình Sơn', 'tiendo', 'xã Bình Sơn'],
    ['tien do xa binh son tuan nay', 'tiendo', 'xa binh son tuan nay'],
    ['Tiến độ: xã Bình Sơn', 'tiendo', 'xã Bình Sơn'],
    ['tiến độ?', 'tiendo', ''],
    ['xem tiến độ tháng 11', 'tiendo', 'tháng 11'],
    ['tỷ lệ đúng hạn quý 4', 'tiendo', 'quý 4'],
    ['quá hạn', 'quahan', ''],
    ['qua han', 'quahan', ''],
    ['Quá Hạn xã Đông Sơn', 'quahan', 'xã Đông Sơn'],
    ['hồ sơ quá hạn', 'quahan', ''],
    ['danh sách hồ sơ trễ hạn', 'quahan', ''],
    ['ds quá hạn', 'quahan', ''],
    ['sắp đến hạn', 'sapden', ''],
    ['sap den han', 'sapden', ''],
    ['sắp hết hạn', 'sapden', ''],
    ['hồ sơ sắp đến hạn xã Bình Minh', 'sapden', 'xã Bình Minh'],
    ['hồ sơ 000.00.12.H55-260105-0001', 'hoso', '000.00.12.H55-260105-0001'],
    ['ho so 000.00.12.h55-260105-0001', 'hoso', '000.00.12.h55-260105-0001'],
    ['tra cứu hồ sơ 000.00.12.H55-260105-0001', 'hoso', '000.00.12.H55-260105-0001'],
    ['tra cứu G22.123.45.67-260105-000123', 'hoso', 'G22.123.45.67-260105-000123'],
    ['hồ sơ', 'hoso', ''],
    ['Hồ sơ', 'hoso', ''],
    ['000.00.12.H55-260105-0001', 'hoso', '000.00.12.H55-260105-0001'],
    ['xếp hạng', 'xephang', ''],
    ['xep hang quy 4', 'xephang', 'quy 4'],
    ['bảng xếp hạng', 'xephang', ''],
    ['báo cáo', 'baocao', ''],
    ['bao cao tuan truoc', 'baocao', 'tuan truoc'],
    ['đăng ký ABCD-1234', 'dangky', 'ABCD-1234'],
    ['dang ky abcd-1234', 'dangky', 'abcd-1234'],
    ['đăng kí', 'dangky', ''],
    ['xác nhận 000.00.12.H55-260105-0001 05/12', 'xacnhan', '000.00.12.H55-260105-0001 05/12'],
    ['xac nhan 000.00.12.H55-260105-0001 mai', 'xacnhan', '000.00.12.H55-260105-0001 mai'],
    ['trợ giúp', 'trogiup', ''],
    ['tro giup', 'trogiup', ''],
    ['help', 'trogiup', ''],
    ['HELP', 'trogiup', ''],
    ['hướng dẫn', 'trogiup', ''],
    ['?', 'trogiup', ''],
    ['??', 'trogiup', ''],
    ['start', 'start', ''],
  ] as const)('%j → %s %j', (text, name, rest) => {
    expect(parseCommand(text, zalo)).toEqual({ name, rest });
  });

  it('reads text typed with combining marks (NFD) and returns the rest in NFC', () => {
    const nfd = 'Tiến độ xã Bình Sơn tuần này'.normalize('NFD');
    expect(parseCommand(nfd, zalo)).toEqual({ name: 'tiendo', rest: 'xã Bình Sơn tuần này' });
    expect(parseCommand('quá hạn'.normalize('NFD'), zalo)).toEqual({ name: 'quahan', rest: '' });
  });

  it.each([
    'cảm ơn',
    'cam on',
    'Cảm ơn anh nhiều',
    'ok',
    'vâng ạ',
    'chào buổi sáng',
    'hồ sơ của tôi bị chậm',
    'hồ sơ này sao rồi',
    'báo cáo anh, em đã xử lý xong',
    'Báo cáo chị ạ',
    'quá hạn rồi',
    'tiến độ thế nào',
    'tiến độ sao rồi em',
    'đăng ký kết hôn',
    'dang ky khai sinh',
    'xác nhận anh nhé',
    'tình hình thế nào',
    'xem',
    'danh sách',
    'tiến',
    '',
    '   ',
    '@someone tiến độ',
  ])('%j is not a command', (text) => {
    expect(parseCommand(text, zalo)).toBeNull();
  });

  it('keeps place names that fold like chat words ("Đặng Thùy Trâm" is not "đang")', () => {
    expect(parseCommand('tiến độ Đặng Thùy Trâm', zalo)).toEqual({ name: 'tiendo', rest: 'Đặng Thùy Trâm' });
    expect(parseCommand('quá hạn Bà Rịa', zalo)).toEqual({ name: 'quahan', rest: 'Bà Rịa' });
  });
});
