# Nhắc việc: tin nhắn nhắc hạn, báo lãnh đạo, xác nhận, văn bản xin lỗi (Mẫu 04).

alert-title = 🔔 Nhắc việc: { $count } hồ sơ cần chú ý
alert-greeting = Kính gửi { $title } { $name },
alert-section-escalation = 🔺 Quá hạn lâu, cần lãnh đạo chỉ đạo ({ $count }):
alert-section-second-supplement = 🔺 Yêu cầu bổ sung lần 2 — tính là quá hạn ({ $count }):
alert-section-second-reschedule = 🔺 Hẹn lại lần 2 — quy định chỉ cho hẹn lại một lần ({ $count }):
alert-section-commit-missed = ⚠️ Đã quá ngày đã hẹn xử lý xong ({ $count }):
alert-section-overdue = ⛔ Quá hạn ({ $count }):
alert-section-due-today = ⏰ Đến hạn hôm nay ({ $count }):
alert-section-due-soon = 📅 Sắp đến hạn ({ $count }):
alert-line = • { $code } · { $procedure } · { $unit } · hạn { $due } · { $state }
alert-commit-missed = đã hẹn xong trước { $date } nhưng chưa xong
alert-apology-reminder = Nếu không kịp, cần gửi Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04, Thông tư 03/2025/TT-VPCP) chậm nhất 1 ngày trước hạn; chỉ được hẹn lại một lần.
alert-more = … và { $count } hồ sơ khác — gõ /quahan, /sapden để xem đủ.
alert-footer = Hẹn ngày xử lý xong: /xacnhan <mã hồ sơ> <ngày>. Xem danh sách: /quahan, /sapden.
alert-footer-leader = Xem toàn bộ: /quahan; tiến độ: /tiendo.
alert-button-commit = ✓ { $code }: xong trước { $date }
alert-button-apology = ✉ Mẫu 04 { $code }
alert-button-more = 📅 { $code }: ngày khác / hoãn

## /xacnhan
xacnhan-usage = Cách dùng: /xacnhan <mã hồ sơ> <ngày>, ví dụ /xacnhan 000.21.41.H55-261118-0004 02/12
xacnhan-past = Ngày "{ $text }" đã qua; hãy chọn hôm nay hoặc một ngày sau.
xacnhan-bad-date = Không hiểu ngày "{ $text }"; viết như 02/12, 2/12/2026, mai, thứ 6.
xacnhan-not-a-date = Ngày "{ $text }" không có trong lịch (ngày hoặc tháng không tồn tại); viết lại như 02/12 hoặc 2/12/2026.
xacnhan-too-far = Ngày "{ $text }" quá xa: chỉ được hẹn tối đa { $days } ngày làm việc, tức là đến hết ngày { $last }.
xacnhan-finished = Hồ sơ { $code } đã giải quyết xong.
xacnhan-done = ✓ Đã ghi nhận: hồ sơ { $code } sẽ xử lý xong trước hết ngày { $date }. Đúng Hạn không nhắc hồ sơ này cho bạn tới hết ngày đó.
xacnhan-already = ✓ Đã ghi nhận từ trước: hồ sơ { $code } sẽ xử lý xong trước hết ngày { $date }. Không ghi thêm.
xacnhan-pick = Hồ sơ { $code } (hạn { $due }): chọn ngày sẽ xử lý xong, hoặc tạm hoãn nhắc việc.
xacnhan-pick-day = ✓ Xong trước { $date }
xacnhan-pick-snooze = 💤 Nhắc lại từ { $date }
snooze-done = 💤 Đã tạm hoãn: Đúng Hạn không nhắc hồ sơ { $code } cho bạn tới hết hôm nay; sẽ nhắc lại từ ngày { $date } nếu hồ sơ vẫn chưa xong.
snooze-already = 💤 Đã ghi nhận từ trước: hồ sơ { $code } đã được tạm hoãn nhắc việc tới hết hôm nay. Không ghi thêm.
xacnhan-after-due = ⚠️ Ngày này sau hạn trả kết quả ({ $due }): cần gửi Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04) chậm nhất 1 ngày trước hạn.
xacnhan-after-due-today = ⚠️ Ngày này sau hạn trả kết quả ({ $due }, tức hôm nay): nếu chưa gửi Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04), cần gửi ngay.
xacnhan-overdue = ⚠️ Hồ sơ đã quá hạn trả kết quả ({ $due }): nếu chưa gửi Văn bản xin lỗi và đề nghị gia hạn (Mẫu 04), cần gửi ngay.

## Mẫu 04 (bản nháp)
apology-draft =
    Bản nháp — Mẫu 04 (Thông tư 03/2025/TT-VPCP)
    VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT
    Kính gửi: ………………………… (người nộp hồ sơ)
    { $unit } đã tiếp nhận hồ sơ của Ông/Bà lúc { $received }.
    Thủ tục: { $procedure }
    Mã hồ sơ: { $code }
    Thời gian hẹn trả kết quả: { $due }
    Đến nay chưa trả kết quả đúng thời hạn.
    Lý do: ……………………………………………………
    { $unit } xin lỗi Ông/Bà vì sự chậm trễ này và đề nghị gia hạn thời gian trả kết quả đến ngày { $proposed } (đề xuất, sửa nếu cần).
    Lưu ý: { $note }; mỗi hồ sơ chỉ được hẹn lại một lần. Văn bản do thủ trưởng cơ quan, đơn vị ký.
apology-note-on-time = gửi chậm nhất 1 ngày trước hạn
apology-note-late = hạn trả kết quả đã đến hoặc đã qua, cần gửi ngay

## dunghan alerts, dunghan outbox
cli-alerts-summary = kế hoạch nhắc việc: dunghan alerts --dry-run|--run [--at ISO] [--json]
cli-alerts-usage =
    Cách dùng: dunghan alerts --dry-run [--at <ngày giờ>] [--json]   (xem trước, không ghi gì)
               dunghan alerts --run [--at <ngày giờ>]               (ghi vào hàng đợi gửi ngay)
alerts-plan-message = → { $recipient } ({ $name }) qua { $channel } { $address }: { $stages } — { $count } hồ sơ
alerts-unaddressed = Chưa liên kết tài khoản chat nên chưa nhắc được: { $officials }. Tạo mã mời: dunghan invite <mã cán bộ>
alerts-dry-run = Xem trước: { $count } tin nhắn, sẽ gửi từ { $at }. Chưa ghi gì.
alerts-written = Đã đưa { $count } tin nhắn vào hàng đợi, gửi từ { $at }.
alerts-busy = Một lượt lập kế hoạch khác đang chạy; thử lại sau ít phút.
cli-outbox-summary = hàng đợi gửi tin: dunghan outbox [--status dead|stuck] [--json] | retry <id>
cli-outbox-usage =
    Cách dùng: dunghan outbox [--status pending|sending|sent|dead|cancelled|stuck] [--limit 50] [--json]
               dunghan outbox retry <id>   (gửi lại một tin đã hỏng)
outbox-line = #{ $id } { $status } { $channel } { $address } { $kind } lần thử { $attempts } — { $at } { $error }
outbox-empty = Hàng đợi trống.
outbox-bad-status = Trạng thái "{ $value }" không hợp lệ; chọn một trong: { $statuses }.
outbox-retried = Tin #{ $id } sẽ được gửi lại.
outbox-retry-none = Không có tin #{ $id } ở trạng thái dead hoặc cancelled.
