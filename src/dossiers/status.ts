// DVCQG codes stored on dossiers (docs/rules.md#status-codes, #channel-and-other-codes).

/** TrangThaiHoSo 1–10. */
export const STATUS = {
  registered: 1, // Mới đăng ký
  received: 2, // Được tiếp nhận
  notAccepted: 3, // Không được tiếp nhận
  processing: 4, // Đang xử lý
  waitingSupplement: 5, // Yêu cầu bổ sung giấy tờ
  waitingPayment: 6, // Yêu cầu thực hiện nghĩa vụ tài chính
  withdrawn: 7, // Công dân yêu cầu rút hồ sơ
  stopped: 8, // Dừng xử lý
  resolved: 9, // Đã xử lý xong (có kết quả)
  returned: 10, // Đã trả kết quả
} as const;
export type StatusCode = (typeof STATUS)[keyof typeof STATUS];

/** Statuses that end the processing clock (QĐ 766 indicator 2.1 end events). */
const END_STATUSES: ReadonlySet<number> = new Set([STATUS.notAccepted, STATUS.withdrawn, STATUS.stopped, STATUS.resolved, STATUS.returned]);

export function isEndStatus(status: number): boolean {
  return END_STATUSES.has(status);
}

/** KenhThucHien. */
export const RECEIVING_CHANNEL = { direct: 1, online: 2, postal: 3 } as const;
