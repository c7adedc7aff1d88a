// The demo area: Quảng Ngãi province after the July 2025 reorganisation, with the five new
// communes that replaced the former Bình Sơn district (NQ 1677/NQ-UBTVQH15 Art. 1(5)–(9)) and a
// handful of provincial departments. People's names are invented; procedure codes and legal
// times are illustrative, not an official catalogue.
import type { LimitUnit } from '../calendar/due.ts';
import type { Role, UnitKind } from '../org/codes.ts';

export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
  agencyCode: string;
}

export interface DemoOfficial {
  code: string;
  fullName: string;
  title: string;
  role: Role;
  unit: string;
  supervises: string[];
  fields: string[];
}

export interface DemoProcedure {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  limitValue: number;
  limitUnit: LimitUnit;
  /** Which unit handles it: a department code, or a commune office suffix ("VP", "KT", "VHXH"). */
  handler: string;
  /** Relative yearly volume. */
  weight: number;
  fee: number;
}

const PROVINCE = 'QNG';

const COMMUNES = [
  { code: 'XBS', name: 'Bình Sơn', agency: '000.21.12.H55', volume: 1.7 },
  { code: 'XBM', name: 'Bình Minh', agency: '000.22.12.H55', volume: 0.9 },
  { code: 'XBC', name: 'Bình Chương', agency: '000.23.12.H55', volume: 0.7 },
  { code: 'XVT', name: 'Vạn Tường', agency: '000.24.12.H55', volume: 1.1 },
  { code: 'XDS', name: 'Đông Sơn', agency: '000.25.12.H55', volume: 1.0 },
] as const;

const OFFICES = [
  { suffix: 'VP', name: (c: string) => `Văn phòng HĐND và UBND xã ${c}`, kind: 'office' as const },
  { suffix: 'KT', name: (c: string) => `Phòng Kinh tế xã ${c}`, kind: 'office' as const },
  { suffix: 'VHXH', name: (c: string) => `Phòng Văn hóa – Xã hội xã ${c}`, kind: 'office' as const },
  { suffix: 'TTPV', name: (c: string) => `Trung tâm Phục vụ hành chính công xã ${c}`, kind: 'service_center' as const },
];

const DEPARTMENTS = [
  { code: 'STP', name: 'Sở Tư pháp', agency: '000.00.11.H55', volume: 0.45 },
  { code: 'SXD', name: 'Sở Xây dựng', agency: '000.00.13.H55', volume: 0.25 },
  { code: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', agency: '000.00.14.H55', volume: 0.8 },
  { code: 'STC', name: 'Sở Tài chính', agency: '000.00.15.H55', volume: 0.6 },
] as const;

export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    { code: PROVINCE, name: 'Tỉnh Quảng Ngãi', kind: 'province', parent: null, agencyCode: '000.00.00.H55' },
    { code: 'TTPVHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', kind: 'service_center', parent: PROVINCE, agencyCode: '000.00.30.H55' },
    { code: 'SNV', name: 'Sở Nội vụ', kind: 'department', parent: PROVINCE, agencyCode: '000.00.10.H55' },
    { code: 'SNV-CCHC', name: 'Phòng Cải cách hành chính – Sở Nội vụ', kind: 'reform_office', parent: 'SNV', agencyCode: '000.10.10.H55' },
  ];
  for (const d of DEPARTMENTS) units.push({ code: d.code, name: d.name, kind: 'department', parent: PROVINCE, agencyCode: d.agency });
  for (const c of COMMUNES) {
    units.push({ code: c.code, name: `Xã ${c.name}`, kind: 'commune', parent: PROVINCE, agencyCode: c.agency });
    OFFICES.forEach((o, i) =>
      units.push({ code: `${c.code}-${o.suffix}`, name: o.name(c.name), kind: o.kind, parent: c.code, agencyCode: `${c.agency.slice(0, 3)}.${c.agency.slice(4, 6)}.${40 + i}.H55` }),
    );
  }
  return units;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương', 'Đinh', 'Lương'];
const MIDDLE_M = ['Văn', 'Minh', 'Quốc', 'Đức', 'Thanh', 'Hữu', 'Công', 'Ngọc'];
const MIDDLE_F = ['Thị', 'Thị Thanh', 'Thị Kim', 'Ngọc', 'Thị Mỹ', 'Thu'];
const GIVEN_M = ['An', 'Bảo', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hùng', 'Khoa', 'Long', 'Nam', 'Phúc', 'Quang', 'Sơn', 'Tài', 'Thắng', 'Trung', 'Tuấn', 'Vinh', 'Việt'];
const GIVEN_F = ['Anh', 'Bích', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Nga', 'Ngọc', 'Nhung', 'Oanh', 'Phương', 'Quỳnh', 'Thảo', 'Trang', 'Yến'];

/** A Vietnamese name picked by index (deterministic, invented). */
export function personName(i: number): string {
  const female = i % 3 === 1;
  const pick = <T>(xs: readonly T[], k: number): T => xs[((k % xs.length) + xs.length) % xs.length]!;
  return female
    ? `${pick(FAMILY, i * 7 + 3)} ${pick(MIDDLE_F, i * 5 + 1)} ${pick(GIVEN_F, i * 11 + 2)}`
    : `${pick(FAMILY, i * 7 + 3)} ${pick(MIDDLE_M, i * 5 + 1)} ${pick(GIVEN_M, i * 11 + 2)}`;
}

export function demoOfficials(): DemoOfficial[] {
  let n = 0;
  const o = (code: string, title: string, role: Role, unit: string, supervises: string[] = [], fields: string[] = []): DemoOfficial => ({
    code, fullName: personName(n++), title, role, unit, supervises, fields,
  });
  const officials: DemoOfficial[] = [
    o('ct-qng', 'Chủ tịch UBND tỉnh Quảng Ngãi', 'leader', PROVINCE, [PROVINCE]),
    o('pct-qng-xa', 'Phó Chủ tịch UBND tỉnh (phụ trách khối xã)', 'leader', PROVINCE, COMMUNES.map((c) => c.code)),
    o('pct-qng-so', 'Phó Chủ tịch UBND tỉnh (phụ trách khối sở)', 'leader', PROVINCE, [...DEPARTMENTS.map((d) => d.code), 'TTPVHCC']),
    o('gd-snv', 'Giám đốc Sở Nội vụ', 'unit_head', 'SNV'),
    o('tp-cchc', 'Trưởng phòng Cải cách hành chính, Sở Nội vụ', 'reform_office', 'SNV-CCHC', [PROVINCE]),
    o('cv-cchc', 'Chuyên viên Phòng Cải cách hành chính', 'reform_office', 'SNV-CCHC', [PROVINCE]),
    o('admin', 'Quản trị hệ thống, Trung tâm Phục vụ hành chính công tỉnh', 'admin', 'TTPVHCC', [PROVINCE]),
    o('gd-ttpvhcc', 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh', 'unit_head', 'TTPVHCC'),
  ];
  for (const d of DEPARTMENTS) officials.push(o(`gd-${d.code.toLowerCase()}`, `Giám đốc ${d.name}`, 'unit_head', d.code));
  for (const c of COMMUNES) {
    const k = c.code.toLowerCase();
    officials.push(
      o(`ct-${k}`, `Chủ tịch UBND xã ${c.name}`, 'commune_chair', c.code),
      o(`pct-${k}`, `Phó Chủ tịch UBND xã ${c.name} (phụ trách đất đai, xây dựng)`, 'deputy', c.code, [], ['DD', 'XD']),
      o(`cvp-${k}`, `Chánh Văn phòng HĐND và UBND xã ${c.name}`, 'unit_head', `${c.code}-VP`),
      o(`tp-${k}-kt`, `Trưởng phòng Kinh tế xã ${c.name}`, 'unit_head', `${c.code}-KT`),
      o(`tp-${k}-vhxh`, `Trưởng phòng Văn hóa – Xã hội xã ${c.name}`, 'unit_head', `${c.code}-VHXH`),
      o(`gd-${k}-ttpv`, `Giám đốc Trung tâm Phục vụ hành chính công xã ${c.name}`, 'unit_head', `${c.code}-TTPV`),
      o(`cb-${k}`, `Công chức một cửa xã ${c.name}`, 'officer', `${c.code}-TTPV`, [c.code]),
    );
  }
  return officials;
}

const p = (code: string, name: string, field: [string, string], limitValue: number, limitUnit: LimitUnit, handler: string, weight: number, fee = 0): DemoProcedure => ({
  code, name, fieldCode: field[0], fieldName: field[1], limitValue, limitUnit, handler, weight, fee,
});
const HT: [string, string] = ['HT', 'Hộ tịch'];
const CT: [string, string] = ['CT', 'Chứng thực'];
const DD: [string, string] = ['DD', 'Đất đai'];
const XD: [string, string] = ['XD', 'Hoạt động xây dựng'];
const HKD: [string, string] = ['HKD', 'Thành lập và hoạt động của hộ kinh doanh'];
const BTXH: [string, string] = ['BTXH', 'Bảo trợ xã hội'];
const LLTP: [string, string] = ['LLTP', 'Lý lịch tư pháp'];
const DKKD: [string, string] = ['DKKD', 'Thành lập và hoạt động doanh nghiệp'];
const TNN: [string, string] = ['TNN', 'Tài nguyên nước'];

export function demoProcedures(): DemoProcedure[] {
  return [
    p('1.001193', 'Đăng ký khai sinh', HT, 0, 'working_days', 'VP', 10),
    p('1.000894', 'Đăng ký kết hôn', HT, 0, 'working_days', 'VP', 4),
    p('1.000656', 'Đăng ký khai tử', HT, 0, 'working_days', 'VP', 3),
    p('1.004746', 'Cấp bản sao trích lục hộ tịch', HT, 0, 'working_days', 'VP', 6, 8_000),
    p('1.004884', 'Cấp Giấy xác nhận tình trạng hôn nhân', HT, 3, 'working_days', 'VP', 5),
    p('1.001022', 'Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch', HT, 3, 'working_days', 'VP', 2, 15_000),
    p('2.000815', 'Chứng thực bản sao từ bản chính giấy tờ, văn bản', CT, 0, 'working_days', 'VP', 22, 2_000),
    p('2.000884', 'Chứng thực chữ ký trong các giấy tờ, văn bản', CT, 4, 'working_hours', 'VP', 5, 10_000),
    p('2.001035', 'Chứng thực hợp đồng, giao dịch liên quan đến nhà ở', CT, 2, 'working_days', 'VP', 3, 50_000),
    p('1.012791', 'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất', DD, 10, 'working_days', 'KT', 8),
    p('1.012786', 'Đăng ký đất đai, tài sản gắn liền với đất lần đầu và cấp Giấy chứng nhận', DD, 20, 'working_days', 'KT', 3),
    p('1.011985', 'Cấp giấy phép xây dựng nhà ở riêng lẻ', XD, 15, 'calendar_days', 'KT', 3, 75_000),
    p('2.000720', 'Đăng ký thành lập hộ kinh doanh', HKD, 3, 'working_days', 'KT', 4, 100_000),
    p('1.001612', 'Đăng ký thay đổi nội dung đăng ký hộ kinh doanh', HKD, 3, 'working_days', 'KT', 2, 50_000),
    p('1.001776', 'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hằng tháng', BTXH, 10, 'working_days', 'VHXH', 2),
    p('1.001653', 'Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật', BTXH, 20, 'working_days', 'VHXH', 1),
    p('2.000488', 'Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam', LLTP, 10, 'working_days', 'STP', 6, 200_000),
    p('1.009794', 'Cấp giấy phép xây dựng công trình', XD, 20, 'working_days', 'SXD', 1, 150_000),
    p('1.009935', 'Cấp chứng chỉ hành nghề hoạt động xây dựng hạng II, hạng III', XD, 20, 'working_days', 'SXD', 1, 300_000),
    p('1.004227', 'Đăng ký biến động đất đai do thay đổi thông tin người sử dụng đất', DD, 10, 'working_days', 'SNNMT', 6),
    p('1.004253', 'Cấp giấy phép khai thác, sử dụng nước mặt', TNN, 30, 'working_days', 'SNNMT', 0.3, 500_000),
    p('2.001610', 'Đăng ký thành lập công ty trách nhiệm hữu hạn hai thành viên trở lên', DKKD, 3, 'working_days', 'STC', 2, 50_000),
    p('2.002045', 'Đăng ký thay đổi nội dung đăng ký doanh nghiệp', DKKD, 3, 'working_days', 'STC', 3, 50_000),
  ];
}

/** The handling unit codes for a procedure, with their share of the area's volume. */
export function handlingUnits(proc: DemoProcedure): { unit: string; volume: number }[] {
  const dept = DEPARTMENTS.find((d) => d.code === proc.handler);
  if (dept) return [{ unit: dept.code, volume: dept.volume }];
  return COMMUNES.map((c) => ({ unit: `${c.code}-${proc.handler}`, volume: c.volume }));
}
