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
