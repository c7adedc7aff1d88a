# Dòng lệnh dunghan, khởi động dịch vụ, dữ liệu demo.
# Số và ngày được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào.

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
    Cách dùng: dunghan ask --as <mã cán bộ> "<tin nhắn>" [--at <ngày giờ>] [--json]
      hoặc bấm một nút: dunghan ask --as <mã cán bộ> --button <dữ liệu nút> [--at <ngày giờ>]
    --at: trả lời như vào thời điểm đó (mặc định: lúc này), ví dụ 2026-11-27T09:00:00+07:00 cho dữ liệu demo.
    Ví dụ: dunghan ask --as ct-xbs "/tiendo tháng này"
cli-invite-summary = tạo mã mời liên kết tài khoản chat: dunghan invite <mã cán bộ>
cli-invite-usage =
    Cách dùng: dunghan invite <mã cán bộ> [--hours 72] [--at <ngày giờ>] [--json]
    Mã có hiệu lực --hours giờ kể từ --at (mặc định: lúc này).
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

## dunghan due
due-needs-received = Cần --received <ngày giờ tiếp nhận>.
due-needs-one-limit = Cần đúng một thời hạn: --days, --hours hoặc --calendar-days.
due-bad-limit = { $flag }: "{ $value }" phải là số không âm, tối đa { $max } (--calendar-days chỉ nhận số nguyên).
due-bad-pause = --paused: "{ $value }" phải có dạng <từ>/<đến>, với <đến> không trước <từ>.
due-out-of-range = Không tính được hạn: { $detail }
due-result = Hạn giải quyết: { $dueAt } ({ $weekday }) — { $reason }; bắt đầu tính từ { $startedAt }.
due-skipped = Bỏ qua { $count } ngày nghỉ: { $days }.
due-days-off-counted = Tính cả { $count } ngày nghỉ trong thời hạn (ngày theo lịch): { $days }.
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
zalo-elsewhere = Kênh Zalo đang chạy ở một phiên bản dịch vụ khác (mỗi tài khoản Zalo chỉ một nơi lắng nghe); phiên bản này không gửi tin Zalo.
telegram-polling-elsewhere = Bot Telegram đang nhận tin ở một phiên bản dịch vụ khác (chế độ polling chỉ cho một nơi nhận); phiên bản này vẫn gửi tin Telegram và sẽ nhận tin thay nếu phiên bản kia dừng. Khi chạy nhiều phiên bản, nên dùng TELEGRAM_MODE=webhook.
channel-name-telegram = Telegram
channel-name-zalo = Zalo
channel-name-console = màn hình
