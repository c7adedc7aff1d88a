// Realistic inputs for the digest chart tests.
import type { DigestChartInput, DigestChartUnit, DigestChartWeek } from '../../../src/digest/chart/types.ts';

/** Vietnamese percentage with a decimal comma, e.g. 82.84 -> "82,84%". */
export const formatPercent = (p: number): string =>
  `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(p)}%`;

const UNIT_NAMES = [
  'Xã Bình Sơn', 'Xã Vạn Tường', 'Xã Đông Sơn', 'Sở Tư pháp', 'Phòng Kinh tế xã Bình Sơn',
  'Phòng Văn hóa – Xã hội xã Bình Sơn', 'Sở Tài nguyên và Môi trường', 'Xã Bình Chánh', 'Xã Trường Giang',
  'Sở Kế hoạch và Đầu tư', 'Trung tâm Phục vụ hành chính công tỉnh Quảng Ngãi – chi nhánh Bình Sơn',
  'Xã Tịnh Khê', 'Sở Y tế', 'Phường Nghĩa Lộ', 'Sở Giáo dục và Đào tạo', 'Xã Ba Tơ', 'Sở Xây dựng',
  'Xã Đức Phổ', 'Sở Công Thương', 'Xã Lý Sơn',
];

/** n units with varied rates: some below 90, one null, one highlighted. */
export function makeUnits(n: number): DigestChartUnit[] {
  return Array.from({ length: n }, (_, i) => ({
    label: UNIT_NAMES[i % UNIT_NAMES.length] + (i >= UNIT_NAMES.length ? ` ${Math.floor(i / UNIT_NAMES.length) + 1}` : ''),
    onTimeRate: i === 7 ? null : Math.round((100 - ((i * 37) % 45) - (i % 3) * 0.37) * 100) / 100,
    highlight: i === 3,
  }));
}

/** n weeks ending at 16/11, oldest first. */
export function makeTrend(n: number): DigestChartWeek[] {
  return Array.from({ length: n }, (_, i) => {
    const day = new Date(Date.UTC(2026, 10, 16 - 7 * (n - 1 - i)));
    return {
      label: `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}`,
      onTimeRate: i === 4 ? null : 78 + ((i * 7) % 15) + 0.42,
      onlineRate: 55 + i * 2.5,
    };
  });
}

export function makeInput(units = 20, weeks = 12): DigestChartInput {
  return {
    title: 'Bản tin cải cách hành chính — tuần 16/11–22/11/2026',
    subtitle: 'Tỉ lệ hồ sơ giải quyết đúng hạn và nộp trực tuyến',
    units: makeUnits(units),
    unitsTitle: 'Tỉ lệ đúng hạn theo đơn vị',
    trend: makeTrend(weeks),
    trendTitle: 'Xu hướng 12 tuần gần nhất',
    seriesLabels: { onTime: 'Đúng hạn', online: 'Trực tuyến' },
    target: 90,
    formatPercent,
  };
}
