# Đúng Hạn — mọi câu chữ người dùng đọc (tiếng Việt).
# Quy ước: số và ngày đã được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào.

## Cấu hình
config-invalid = Cấu hình sai: biến { $variable }{ $value } — { $hint }
config-hint-database-url = cần file:<đường dẫn> (SQLite, mặc định file:./data/dunghan.db) hoặc postgresql://người_dùng@máy:cổng/csdl (PostgreSQL)
config-hint-log-level = cần một trong: fatal, error, warn, info, debug, trace, silent
config-hint-log-pretty = cần auto, 0 hoặc 1
config-hint-demo-seed = cần auto, always hoặc never
config-hint-working-hours = cần các khoảng giờ làm việc theo thứ tự, không chồng nhau, dạng 07:30-11:30,13:30-17:00
config-hint-due-soon-working-days = cần số nguyên từ 0 đến 10 (số ngày làm việc trước hạn thì coi là sắp đến hạn)
config-hint-telegram-bot-token = không đúng dạng mã bot do BotFather cấp (123456789:AA…)
config-hint-telegram-api-root = cần một địa chỉ http(s)://, ví dụ https://api.telegram.org
config-hint-zalo-credentials-file = cần đường dẫn tới tệp thông tin đăng nhập Zalo

## Dòng lệnh
cli-help-title = dunghan — theo dõi hạn giải quyết hồ sơ thủ tục hành chính
cli-help-usage = Cách dùng: dunghan <lệnh> [tuỳ chọn]
cli-help-more = Thêm --help sau một lệnh để xem tuỳ chọn của lệnh đó. Mọi ngày giờ không ghi múi giờ được hiểu theo giờ Việt Nam (UTC+7).
cli-unknown-command = Không có lệnh "{ $name }". Gõ dunghan --help để xem danh sách lệnh.
cli-bad-arguments = Tham số không hợp lệ: { $detail }
cli-unknown-option = Không có tuỳ chọn { $option }.
cli-option-needs-value = Tuỳ chọn { $option } cần một giá trị.
cli-bad-instant = { $flag }: "{ $value }" không phải ngày giờ hợp lệ (dạng 2026-11-27T09:00:00+07:00 hoặc 2026-11-27).
cli-bad-integer = { $flag }: "{ $value }" phải là số nguyên từ { $min } đến { $max }.
cli-unexpected-error = Lỗi không lường trước: { $detail }

cli-serve-summary = chạy dịch vụ (npm start)
cli-serve-usage = Cách dùng: dunghan serve — chạy dịch vụ cho tới khi nhấn Ctrl-C (biến môi trường: xem .env.example)
cli-db-summary = quản lý cơ sở dữ liệu: dunghan db migrate
cli-db-usage = Cách dùng: dunghan db migrate
cli-seed-summary = nạp dữ liệu demo: dunghan seed --demo [--now ISO] [--seed N] [--force]
cli-seed-usage = Cách dùng: dunghan seed --demo [--now 2026-11-27T09:00:00+07:00] [--seed 1] [--force]
cli-status-summary = số liệu tổng quát: dunghan status [--at ISO] [--json]
cli-status-usage = Cách dùng: dunghan status [--at 2026-11-27T09:00:00+07:00] [--json]

cli-calendar-summary = lịch làm việc: dunghan calendar list|add|remove|import
cli-calendar-usage =
    Cách dùng:
      dunghan calendar list [--year 2026] [--unit <mã đơn vị>] [--json]
      dunghan calendar add <ngày> (--off | --working) --name "<tên ngày>" --source "<số văn bản>" [--unit <mã đơn vị>]
      dunghan calendar remove <ngày> [--unit <mã đơn vị>]
      dunghan calendar import <tệp.csv> [--complete] [--json]
    Ngày viết dạng 2027-02-05 hoặc 05/02/2027. Tệp CSV có dòng tiêu đề date,kind,name,source[,unit]
    (hoặc ngay,loai,ten,can_cu[,don_vi]); kind là day_off/nghỉ hoặc working_day/làm bù.
    --complete: tệp là toàn bộ thông báo nghỉ lễ của năm, thay cho ngày nghỉ tính theo luật.
cli-unknown-unit = Không có đơn vị mã "{ $code }".
cli-cannot-read-file = Không đọc được tệp { $file }.
cli-bad-csv = Tệp { $file } không phải CSV hợp lệ: { $detail }
row-rejected = Dòng { $row }, cột { $field } ("{ $value }"): { $reason }

cli-due-summary = tính hạn giải quyết: dunghan due --received <ISO> (--days N | --hours N | --calendar-days N)
cli-due-usage =
    Cách dùng: dunghan due --received <ngày giờ tiếp nhận> (--days N | --hours N | --calendar-days N)
      tuỳ chọn thêm: --unit <mã đơn vị>, --paused <từ>/<đến> (lặp lại được), --json
    --days: ngày làm việc (được 0,5); --hours: giờ làm việc; --calendar-days: ngày theo lịch.
    --paused: thời gian chờ công dân bổ sung, ví dụ 2026-11-30T08:00/2026-12-02T10:00.
    Ví dụ: dunghan due --received 2026-11-27T09:00+07:00 --days 10 --json

cli-ask-summary = hỏi như một cán bộ: dunghan ask --as <mã cán bộ> "<tin nhắn>"
cli-ask-usage =
    Cách dùng: dunghan ask --as <mã cán bộ> "<tin nhắn>" [--json]
      hoặc bấm một nút: dunghan ask --as <mã cán bộ> --button <dữ liệu nút>
    Ví dụ: dunghan ask --as ct-xbs "/tiendo tháng này"
cli-invite-summary = tạo mã mời liên kết tài khoản chat: dunghan invite <mã cán bộ>
cli-invite-usage = Cách dùng: dunghan invite <mã cán bộ> [--hours 72] [--json]
cli-stats-summary = số liệu, tỷ lệ đúng hạn: dunghan stats [--unit <mã>] [--from] [--to] [--at] [--json]
cli-stats-usage =
    Cách dùng: dunghan stats [--unit <mã đơn vị>] [--from 2026-01-01] [--to 2026-11-27] [--at <ngày giờ>] [--json]
    Mặc định: đơn vị gốc, từ đầu năm tới hôm nay, số liệu lúc này.
cli-bad-date = { $flag }: "{ $value }" không phải ngày hợp lệ (dạng 2026-11-27).
cli-bad-range = Kỳ không hợp lệ: ngày bắt đầu { $from } sau ngày kết thúc { $to }.
stats-no-units = Cơ sở dữ liệu chưa có đơn vị nào.
stats-rates = Đúng hạn: { $onTime } · Trực tuyến: { $online } · Số hóa: { $digitized } · Hài lòng: { $satisfaction }
invite-created =
    Mã mời cho { $name } ({ $title }): { $code }
    Dùng một lần, hiệu lực tới { $until }.
    Telegram: gửi cho bot lệnh /dangky { $code }
    Zalo: nhắn cho tài khoản Zalo của đơn vị: đăng ký { $code }

## Dòng lệnh: ngày trong tuần
weekday-0 = Chủ nhật
weekday-1 = Thứ Hai
weekday-2 = Thứ Ba
weekday-3 = Thứ Tư
weekday-4 = Thứ Năm
weekday-5 = Thứ Sáu
weekday-6 = Thứ Bảy

## Lịch làm việc
calendar-scope-all = mọi đơn vị
calendar-list-title = Lịch năm { $year } ({ $scope }): các ngày khác với tuần làm việc thường lệ
calendar-list-notice = Theo thông báo nghỉ lễ của Chính phủ cho năm này.
calendar-list-rule = Năm này chưa có thông báo của Chính phủ: ngày nghỉ được tính theo Bộ luật Lao động 2019 (Tết: ngày cuối năm âm lịch và mùng 1–4). Khi có thông báo, nhập bằng: dunghan calendar import <tệp.csv> --complete
calendar-list-line = { $weekday } { $date }  { $status }  { $name } ({ $source })
calendar-list-total = Cộng: { $off } ngày nghỉ, { $worked } ngày làm bù.
calendar-off = nghỉ
calendar-working = làm việc
calendar-add-needs = Cần đúng một ngày và một trong hai tuỳ chọn --off (ngày nghỉ) hoặc --working (ngày làm việc, làm bù).
calendar-field-error = { $field } ("{ $value }"): { $reason }
calendar-added = Đã thêm: { $date } { $status } — { $name } ({ $source }).
calendar-updated = Đã cập nhật: { $date } { $status } — { $name } ({ $source }).
calendar-removed = Đã xoá ngày { $date } khỏi lịch điều chỉnh.
calendar-nothing-to-remove = Ngày { $date } không có trong lịch điều chỉnh (ngày nghỉ có sẵn theo luật hoặc thông báo thì thêm --working để huỷ).
calendar-imported = Đã nhập { $saved } ngày; bỏ qua { $rejected } dòng lỗi.
calendar-recomputed = Đã kiểm tra lại hạn của { $count } hồ sơ có thời gian tạm dừng hoặc có hạn do hệ thống tự tính.
calendar-complete-years = Đã ghi nhận thông báo đầy đủ cho năm { $years }: ngày nghỉ tính theo luật của năm đó không còn áp dụng.
calendar-bad-date = ngày không hợp lệ (dạng 2027-02-05 hoặc 05/02/2027, năm từ { $first } đến { $last })
calendar-bad-kind = loại ngày phải là day_off / nghỉ hoặc working_day / làm bù
calendar-missing-name = thiếu tên ngày (ví dụ "Tết Nguyên Đán")
calendar-missing-source = thiếu căn cứ (số thông báo, ví dụ "9441/TB-BNV")
calendar-unknown-unit = không có đơn vị mã này

## dunghan due
due-needs-received = Cần --received <ngày giờ tiếp nhận>.
due-needs-one-limit = Cần đúng một thời hạn: --days, --hours hoặc --calendar-days.
due-bad-limit = { $flag }: "{ $value }" phải là số không âm, tối đa { $max } (--calendar-days chỉ nhận số nguyên).
due-bad-pause = --paused: "{ $value }" phải có dạng <từ>/<đến>, với <đến> không trước <từ>.
due-out-of-range = Không tính được hạn: { $detail }
due-result = Hạn giải quyết: { $dueAt } ({ $weekday }) — { $reason }; bắt đầu tính từ { $startedAt }.
due-skipped = Bỏ qua { $count } ngày nghỉ: { $days }.
due-reason-working-days = tính theo ngày làm việc
due-reason-working-hours = tính theo giờ làm việc
due-reason-calendar-days = tính theo ngày theo lịch
due-reason-calendar-day-moved-off-holiday = tính theo ngày theo lịch, ngày cuối rơi vào ngày nghỉ nên lùi sang ngày làm việc tiếp theo
due-reason-same-day = giải quyết trong ngày
due-reason-same-day-after-cutoff = tiếp nhận sau 15 giờ nên trả vào ngày làm việc tiếp theo

## Cơ sở dữ liệu
db-migrated = Đã áp dụng { $count } migration ({ $names }) vào { $where }.
db-up-to-date = Cơ sở dữ liệu { $where } đã ở phiên bản mới nhất ({ $count } migration).
db-migration-modified = Cảnh báo: migration { $name } đã chạy nhưng tệp migration.sql đã bị sửa sau đó.

## Dữ liệu demo
seed-done = Đã tạo dữ liệu demo: { $count } hồ sơ (seed { $seed }).
seed-refused-real-data = Cơ sở dữ liệu đang có hồ sơ thật (không phải demo); không ghi đè. Thêm --force nếu thật sự muốn xoá hết và tạo dữ liệu demo.

## dunghan status
status-report =
    Tình hình lúc { $at }
      Đơn vị: { $units } · Cán bộ: { $officials }
      Hồ sơ đã tiếp nhận: { $dossiers }
      Đang giải quyết: { $open } · Sắp đến hạn: { $dueSoon } · Quá hạn: { $overdue }
      { $lastSync }
status-last-sync = Dữ liệu cập nhật lần cuối: { $at } (nguồn { $source })
status-never-synced = Chưa nhận dữ liệu từ nguồn nào.

## Khởi động dịch vụ
serve-banner-title = Đúng Hạn đang chạy.
serve-banner-demo = CHẾ ĐỘ DEMO: chưa cấu hình kênh chat nào. Đặt TELEGRAM_BOT_TOKEN để bật Telegram hoặc ZALO_CREDENTIALS_FILE để bật Zalo.
serve-banner-database = Cơ sở dữ liệu: { $where }
serve-banner-counts = Hồ sơ: { $dossiers } · đang giải quyết: { $open } · sắp đến hạn: { $dueSoon } · quá hạn: { $overdue }
serve-banner-seeded = Cơ sở dữ liệu trống nên đã tạo dữ liệu demo ({ $count } hồ sơ).
serve-banner-channels = Kênh chat: { $channels }
serve-banner-stop = Nhấn Ctrl-C để dừng.
serve-stopped = Đã dừng Đúng Hạn.

## Lệnh chat: chung
chat-stranger = Tài khoản chat này chưa được liên kết với cán bộ nào. Hãy xin mã mời từ quản trị hệ thống rồi gõ: /dangky <mã mời>
chat-not-understood = Chưa hiểu yêu cầu. Gõ /trogiup để xem các lệnh.
chat-error = Xin lỗi, hệ thống đang gặp sự cố khi trả lời. Vui lòng thử lại sau ít phút.
chat-stale-button = Nút này đã cũ hoặc không còn hiệu lực. Hãy gõ lại lệnh để xem số liệu mới nhất.
chat-not-yet = Lệnh { $command } chưa được bật trong phiên bản này.
chat-group-no-detail = Nhóm này không được xem chi tiết từng hồ sơ. Hãy nhắn riêng cho bot để xem danh sách.

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
help-official =
    Các lệnh (có thể gõ không dấu, không cần dấu /):
    /tiendo [đơn vị] [kỳ] — tỷ lệ đúng hạn, trực tuyến, số hóa; ví dụ: /tiendo xã Bình Sơn tháng 11
    /quahan [đơn vị] — danh sách hồ sơ quá hạn, quá hạn lâu nhất trước
    /sapden [đơn vị] — hồ sơ đến hạn hôm nay và ngày làm việc tới
    /hoso <mã hồ sơ> — tình trạng một hồ sơ
    /xephang [kỳ] — xếp hạng tỷ lệ đúng hạn của các đơn vị
    /trogiup — hướng dẫn này
    Kỳ: hôm nay, tuần này, tuần trước, tháng này, tháng 11, quý 4, năm (từ đầu năm), 01/11-15/11.
    Đơn vị bạn được xem: { $units }.

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
