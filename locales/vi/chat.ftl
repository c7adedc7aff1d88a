# Lệnh chat: /tiendo, /quahan, /sapden, /hoso, /xephang, đăng ký, chat thử trên màn hình.
# Số và ngày được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào.

## Lệnh chat: chung
chat-stranger = Tài khoản chat này chưa được liên kết với cán bộ nào. Hãy xin mã mời từ quản trị hệ thống rồi gõ: /dangky <mã mời>
chat-not-understood = Chưa hiểu yêu cầu. Gõ /trogiup để xem các lệnh.
chat-error = Xin lỗi, hệ thống đang gặp sự cố khi trả lời. Vui lòng thử lại sau ít phút.
chat-stale-button = Nút này đã cũ hoặc không còn hiệu lực. Hãy gõ lại lệnh để xem số liệu mới nhất.
chat-group-no-detail = Nhóm này không được xem chi tiết từng hồ sơ. Hãy nhắn riêng cho bot để xem danh sách.
chat-group-no-detail-command = Nhóm này chỉ xem số liệu tổng hợp, không xem chi tiết từng hồ sơ. Hãy nhắn riêng cho bot lệnh { $command }.
chat-group-private-only = Lệnh { $command } chỉ dùng trong tin nhắn riêng với bot.
chat-group-button-refused = Nút này không dùng được trong nhóm. Hãy nhắn riêng cho bot.
chat-group-outside-scope = Nhóm này theo dõi một đơn vị ngoài phạm vi bạn được xem, nên Đúng Hạn không trả lời số liệu cho bạn ở đây.

## /start, /dangky
start-welcome-stranger =
    Chào mừng đến với Đúng Hạn — trợ lý nhắc hạn giải quyết hồ sơ thủ tục hành chính.
    Để bắt đầu, hãy xin mã mời từ quản trị hệ thống rồi gõ: /dangky <mã mời>
start-welcome = Xin chào { $name } ({ $title }). Gõ /tiendo để xem tiến độ, /quahan để xem hồ sơ quá hạn, /trogiup để xem mọi lệnh.
dangky-usage = Cách dùng: /dangky <mã mời>, ví dụ /dangky K7QM-P2XD
dangky-linked = Đã liên kết tài khoản này với { $name } ({ $title }). Từ nay Đúng Hạn sẽ gửi nhắc việc tới đây. Gõ /trogiup để xem các lệnh.
dangky-already = Tài khoản này đã được liên kết với { $name } từ trước.
dangky-invalid = Mã mời không đúng. Vui lòng kiểm tra lại (mã gồm 8 ký tự, ví dụ K7QM-P2XD).
dangky-used = Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; hãy xin mã mới.
dangky-expired = Mã mời này đã hết hạn. Hãy xin mã mới từ quản trị hệ thống.
dangky-too-many = Đã nhập sai mã quá nhiều lần. Vui lòng thử lại sau một giờ.
dangky-linked-elsewhere = Tài khoản chat này đang liên kết với một cán bộ khác. Hãy liên hệ quản trị hệ thống.

## /trogiup
help-stranger =
    Đúng Hạn giúp theo dõi hạn giải quyết hồ sơ thủ tục hành chính.
    /dangky <mã mời> — liên kết tài khoản chat với cán bộ (xin mã mời từ quản trị hệ thống)
    /trogiup — hướng dẫn
help-private-title = Các lệnh (có thể gõ không dấu, không cần dấu /):
help-group-title = Các lệnh dùng được trong nhóm này (gõ kèm dấu /):
help-tiendo = /tiendo [đơn vị] [kỳ] — tỷ lệ đúng hạn, trực tuyến, số hóa; ví dụ: /tiendo xã Bình Sơn tháng 11
help-quahan = /quahan [đơn vị] — danh sách hồ sơ quá hạn, quá hạn lâu nhất trước
help-quahan-counts = /quahan [đơn vị] — số hồ sơ quá hạn của từng đơn vị
help-sapden = /sapden [đơn vị] — hồ sơ đến hạn hôm nay và ngày làm việc tới
help-sapden-counts = /sapden [đơn vị] — số hồ sơ đến hạn hôm nay và ngày làm việc tới của từng đơn vị
help-hoso = /hoso <mã hồ sơ> — tình trạng một hồ sơ
help-xacnhan = /xacnhan <mã hồ sơ> <ngày> — hẹn ngày xử lý xong (tạm dừng nhắc việc tới ngày đó)
help-xephang = /xephang [kỳ] — xếp hạng tỷ lệ đúng hạn của các đơn vị
help-baocao = /baocao [đơn vị] [tuần này|tuần trước|tháng] — bản tin tuần có biểu đồ
help-trogiup = /trogiup — hướng dẫn này
help-periods = Kỳ: hôm nay, tuần này, tuần trước, tháng này, tháng 11, quý 4, năm (từ đầu năm), 01/11-15/11.
help-units = Đơn vị bạn được xem: { $units }.
help-group-units = Số liệu trong nhóm này: { $units }.
help-group-counts-only =
    Nhóm này chỉ xem số liệu tổng hợp, không xem chi tiết từng hồ sơ.
    Tra cứu hồ sơ, hẹn ngày xử lý và bản tin có biểu đồ: nhắn riêng cho bot.
help-group-private = Bản tin có biểu đồ (lệnh báo cáo): nhắn riêng cho bot.

## Đơn vị và kỳ
unit-unknown = Không tìm thấy đơn vị "{ $text }" trong phạm vi bạn được xem.
unit-unknown-suggest = Không tìm thấy đơn vị "{ $text }". Có phải: { $suggestions }?
unit-ambiguous = "{ $text }" khớp với nhiều đơn vị; chọn một:
period-invalid-date = Kỳ "{ $text }" có ngày không hợp lệ.
period-range-reversed = Kỳ "{ $text }": ngày kết thúc trước ngày bắt đầu.
period-future = Kỳ "{ $text }" chưa tới nên chưa có số liệu.
period-label = { $from } – { $to }
preset-week = Tuần này
preset-month = Tháng này
preset-quarter = Quý này
preset-year = Từ đầu năm

## /tiendo
tiendo-title = 📊 Tiến độ giải quyết hồ sơ — { $unit }
tiendo-period = Kỳ { $period }, số liệu lúc { $at }
tiendo-data-as-of = Dữ liệu nhận lần cuối lúc { $at } (nguồn { $source }).
tiendo-data-stale = ⚠️ Dữ liệu chưa được cập nhật từ { $at } (nguồn { $source }): số liệu dưới đây có thể chưa đầy đủ.
tiendo-rates =
    Đúng hạn: { $onTime } { $delta }
    Nộp trực tuyến: { $online } · Số hóa: { $digitized } · Hài lòng: { $satisfaction }
tiendo-received = Tiếp nhận: { $received } (trực tuyến { $online }, trực tiếp { $direct }, bưu chính { $postal }); kỳ trước chuyển sang: { $carried }
tiendo-finished = Đã giải quyết: { $finished } — trước hạn { $early }, đúng hạn { $onTime }, quá hạn { $late }
tiendo-open = Đang giải quyết: { $inProgress } trong hạn, { $overdue } quá hạn; chờ công dân bổ sung: { $waiting }
tiendo-payment = Thanh toán trực tuyến: { $count } hồ sơ, { $amount } đồng
tiendo-rank = Xếp hạng đúng hạn: { $rank }/{ $total } { $kind }
tiendo-delta-up = ▲ { $points } điểm so với kỳ trước
tiendo-delta-down = ▼ { $points } điểm so với kỳ trước
tiendo-delta-same = = như kỳ trước
tiendo-delta-none = (kỳ trước chưa có số liệu)
tiendo-empty = Chưa có hồ sơ nào trong kỳ này.

kind-commune = xã, phường
kind-department = sở, ngành
kind-office = phòng
kind-service_center = trung tâm
kind-province = tỉnh
kind-district = huyện
kind-reform_office = đơn vị
kind-other = đơn vị

## /quahan, /sapden
quahan-title = ⏰ Hồ sơ quá hạn — { $unit }: { $count } hồ sơ
quahan-none = ✅ { $unit }: không có hồ sơ quá hạn.
sapden-title = 📅 Hồ sơ đến hạn hôm nay và ngày làm việc tới — { $unit }: { $count } hồ sơ
sapden-none = ✅ { $unit }: không có hồ sơ sắp đến hạn.
list-line = { $n }. { $code } · { $procedure } · { $unit } · hạn { $due } · { $state }
list-summary-line = • { $unit }: { $count }
list-page = Trang { $page }/{ $pages }
list-prev = ◀ Trước
list-next = Sau ▶
state-overdue = quá { $days } ngày làm việc
state-overdue-second-supplement = yêu cầu bổ sung lần 2 (tính là quá hạn)
state-due-today = đến hạn hôm nay
state-due-soon = còn { $days } ngày làm việc
state-not-due = còn { $days } ngày làm việc
state-paused = đang chờ công dân bổ sung (từ { $since })
state-finished-early = đã giải quyết trước hạn
state-finished-on_time = đã giải quyết đúng hạn
state-finished-late = đã giải quyết quá hạn

## /hoso
hoso-usage = Cách dùng: /hoso <mã hồ sơ>, ví dụ /hoso 000.00.12.H55-260105-0001
hoso-not-found = Không tìm thấy hồ sơ { $code } trong phạm vi bạn được xem.
hoso-detail =
    📁 Hồ sơ { $code }
    Thủ tục: { $procedure }
    Đơn vị giải quyết: { $unit }
    Tiếp nhận: { $received } ({ $channel })
    Hạn trả kết quả: { $due }
    Trạng thái: { $status }
    Tình hình: { $state }
hoso-due-shifted = { $due } (đã cộng { $hours } giờ làm việc chờ bổ sung; hạn ghi trên phiếu hẹn: { $legal })
hoso-rescheduled = Đã có văn bản xin lỗi, hẹn lại ngày: { $date }
hoso-supplements = Số lần yêu cầu bổ sung: { $count }
channel-1 = trực tiếp
channel-2 = trực tuyến
channel-3 = bưu chính
status-1 = Mới đăng ký
status-2 = Được tiếp nhận
status-3 = Không được tiếp nhận
status-4 = Đang xử lý
status-5 = Chờ bổ sung giấy tờ
status-6 = Chờ thực hiện nghĩa vụ tài chính
status-7 = Công dân rút hồ sơ
status-8 = Dừng xử lý
status-9 = Đã xử lý xong
status-10 = Đã trả kết quả

## /xephang
xephang-title = 🏆 Xếp hạng tỷ lệ đúng hạn — kỳ { $period }
xephang-group = Khối { $kind }:
xephang-line = { $rank }. { $unit }: { $rate } ({ $handled } hồ sơ)
xephang-none = Chưa có đơn vị nào có hồ sơ trong kỳ này.

## Chat trên màn hình (chế độ demo)
plain-choices = Chọn bằng cách gõ số:
console-intro = Chat thử ngay tại đây với tư cách { $title } ({ $code }): gõ /tiendo, /quahan, /sapden, /hoso <mã>, /xephang, /trogiup. Đổi người: #doi <mã cán bộ>, ví dụ #doi ct-qng.
console-persona = Đang nói với tư cách { $name } — { $title } ({ $code }).
console-unknown-official = Không có cán bộ mã "{ $code }".
console-outgoing = ─── Tin gửi tới { $address } (chế độ demo: chỉ in ra, không gửi) ───
console-image = [kèm ảnh PNG, { $bytes } byte]
