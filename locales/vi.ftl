# Đúng Hạn — mọi câu chữ người dùng đọc (tiếng Việt).
# Quy ước: số và ngày đã được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào.

## Cấu hình
config-invalid = Cấu hình sai: biến { $variable }{ $value } — { $hint }
config-hint-database-url = cần file:<đường dẫn> (SQLite, mặc định file:./data/dunghan.db) hoặc postgresql://người_dùng@máy:cổng/csdl (PostgreSQL)
config-hint-log-level = cần một trong: fatal, error, warn, info, debug, trace, silent
config-hint-log-pretty = cần auto, 0 hoặc 1
config-hint-demo-seed = cần auto, always hoặc never
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
