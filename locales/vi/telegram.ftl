# Telegram: menu lệnh, tin nhắn riêng của kênh Telegram, lệnh dunghan telegram.

## Menu lệnh (nút "/" trong Telegram), mỗi mô tả tối đa 256 ký tự
telegram-menu-tiendo = Tiến độ: tỷ lệ đúng hạn, trực tuyến, số hóa của đơn vị
telegram-menu-quahan = Danh sách hồ sơ quá hạn
telegram-menu-sapden = Hồ sơ đến hạn hôm nay và ngày làm việc tới
telegram-menu-hoso = Tra cứu một hồ sơ theo mã
telegram-menu-xacnhan = Hẹn ngày xử lý xong một hồ sơ
telegram-menu-xephang = Xếp hạng tỷ lệ đúng hạn các đơn vị
telegram-menu-dangky = Liên kết tài khoản bằng mã mời
telegram-menu-trogiup = Hướng dẫn sử dụng

## Nhóm
telegram-group-added =
    Đúng Hạn đã được thêm vào nhóm "{ $title }".
    Cán bộ đã liên kết tài khoản có thể dùng /tiendo, /quahan, /sapden, /xephang trong nhóm. Nhóm chỉ nhận số liệu tổng hợp, không có chi tiết từng hồ sơ, cho tới khi quản trị hệ thống cấu hình.
    Mã nhóm: { $id } — quản trị cấu hình bằng lệnh: dunghan telegram groups add { $id }
telegram-register-privately = Để giữ bí mật mã mời, hãy đăng ký trong tin nhắn riêng với bot: { $link }
telegram-register-code-in-group = Mã mời đã gửi vào nhóm nên được dùng ngay cho người gửi và không ai khác dùng lại được. Kết quả được gửi trong tin nhắn riêng; lần sau hãy đăng ký trong tin nhắn riêng với bot: { $link }

## dunghan telegram
cli-telegram-summary = Telegram: kiểm tra bot, đường link đăng ký, nhóm: dunghan telegram check|link|groups
cli-telegram-usage =
    Cách dùng:
      dunghan telegram check                       kiểm tra bot kết nối được tới Telegram (getMe)
      dunghan telegram link <mã cán bộ> [--hours 72] [--at <ngày giờ>]
                                                   mã mời kèm đường link t.me/<bot>?start=<mã>, hiệu lực từ --at
      dunghan telegram groups list [--json]        các nhóm Telegram đã biết
      dunghan telegram groups add <mã nhóm> [--title <tên>] [--unit <mã đơn vị>] [--detail]
                                                   cấu hình một nhóm; --detail cho phép xem chi tiết từng hồ sơ
      dunghan telegram groups remove <mã nhóm>     ngừng trả lời và gửi tin vào nhóm
    Mã nhóm là số âm, ví dụ -1001234567890: bot báo mã này khi được thêm vào nhóm.
telegram-not-configured = Chưa cấu hình Telegram: đặt TELEGRAM_BOT_TOKEN (và TELEGRAM_API_ROOT nếu dùng máy chủ Bot API riêng).
telegram-check-ok = Bot @{ $username } kết nối được tới { $apiRoot }.
telegram-check-failed = Không kết nối được tới Telegram ({ $apiRoot }): { $error }
telegram-link-created =
    Mã mời cho { $name } ({ $title }): { $code } — dùng một lần, hiệu lực tới { $until }.
    Gửi cho cán bộ đường link sau, bấm vào là đăng ký xong: { $link }
    Hoặc trong Telegram gửi cho bot lệnh: /dangky { $code }
telegram-link-no-bot =
    Mã mời cho { $name } ({ $title }): { $code } — dùng một lần, hiệu lực tới { $until }.
    Chưa lấy được tên bot ({ $error }) nên chưa có đường link; trong Telegram gửi cho bot lệnh: /dangky { $code }
telegram-bad-chat-id = Mã nhóm "{ $value }" không hợp lệ: mã nhóm Telegram là số âm, ví dụ -1001234567890.
telegram-groups-empty = Chưa có nhóm Telegram nào.
telegram-groups-line = { $id } · { $title } · { $unit } · { $detail } · { $active }
telegram-group-detail-yes = xem chi tiết hồ sơ
telegram-group-detail-no = chỉ số liệu tổng hợp
telegram-group-active = đang hoạt động
telegram-group-inactive = đã ngừng
telegram-group-saved = Đã cấu hình nhóm { $id } ({ $title }): { $detail }.
telegram-group-removed = Đã ngừng nhóm { $id }: bot không trả lời lệnh trong nhóm và không gửi bản tin vào nhóm này nữa.
telegram-group-unknown = Không có nhóm Telegram mã { $id }.
# Trả lời /baocao khi Telegram không nhận ảnh biểu đồ: vẫn gửi nội dung, kèm dòng này.
telegram-chart-not-sent = (Chưa gửi được biểu đồ kèm theo; gõ lại lệnh sau ít phút để xem biểu đồ.)
