# Cấu hình: lỗi biến môi trường lúc khởi động.
# Số và ngày được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào.

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
config-hint-http-host = cần địa chỉ máy để lắng nghe HTTP, ví dụ 127.0.0.1 (chỉ trong máy) hoặc 0.0.0.0 (mọi địa chỉ)
config-hint-http-port = cần số cổng từ 0 đến 65535
config-hint-telegram-mode = cần polling hoặc webhook
config-hint-telegram-webhook-url = cần địa chỉ https:// công khai mà Telegram gửi cập nhật tới (bắt buộc khi TELEGRAM_MODE=webhook)
config-hint-telegram-webhook-secret = cần chuỗi bí mật 16–256 ký tự A-Z, a-z, 0-9, _ hoặc - (bắt buộc khi TELEGRAM_MODE=webhook)
config-hint-zalo-min-interval-ms = cần số mili giây tối thiểu giữa hai tin Zalo (0–600000)
config-hint-alerts-every-minutes = cần số phút giữa hai lần lập kế hoạch nhắc việc (1–1440)
config-hint-alert-overdue-repeat-days = cần số ngày làm việc giữa hai lần nhắc hồ sơ quá hạn (1–30)
config-hint-alert-escalate-after-days = cần số ngày làm việc quá hạn thì báo lên lãnh đạo (1–60)
config-hint-alert-include-deputies = cần 0 hoặc 1 (gửi nhắc cho phó chủ tịch phụ trách lĩnh vực)
config-hint-outbox-max-attempts = cần số lần gửi thử tối đa (1–50)
config-hint-digest-cron = cần biểu thức cron 5 trường theo giờ Việt Nam, ví dụ 30 7 * * 1 (7:30 sáng thứ Hai)
config-hint-digest-on-holiday = cần next_working_day, same_day hoặc skip
config-hint-ingest-max-body-bytes = cần kích thước tối đa của một yêu cầu nhận dữ liệu, tính bằng byte
config-hint-stale-after-working-days = cần số ngày làm việc không nhận được dữ liệu thì cảnh báo (1–30)
config-hint-commit-max-working-days = cần số ngày làm việc tối đa, tính từ hôm nay, mà cán bộ được hẹn xử lý xong một hồ sơ (1–250)
config-hint-outbox-retention-days = cần số ngày giữ lịch sử tin đã gửi (7–3650)

## Máy chủ HTTP không mở được cổng (khi khởi động, trước dòng "đang chạy")
config-port-in-use = Cổng { $port } đang được dùng — đặt HTTP_PORT khác.
config-port-denied = Không được phép mở cổng { $port } (cổng dưới 1024 cần quyền quản trị) — đặt HTTP_PORT khác.
config-host-unavailable = Địa chỉ { $host } không thuộc máy này — đặt HTTP_HOST khác (ví dụ 127.0.0.1 hoặc 0.0.0.0).
