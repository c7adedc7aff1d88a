# Gửi tin: thông báo cho quản trị khi không gửi được.

outbox-dead = ⚠️ Không gửi được tin nhắn #{ $id } qua { $channel } sau nhiều lần thử ({ $error }). Xem: dunghan outbox --status dead
outbox-unreachable = ⚠️ Không gửi được tới { $channel } { $address }: người nhận đã chặn bot, rời nhóm hoặc chưa kết bạn ({ $error }). Tài khoản này đã được tạm ngừng; tin nhắn được chuyển sang kênh còn lại nếu có.

## Tin nhắn cho một kênh mà không phiên bản dịch vụ nào đang chạy (vẫn chờ, không mất).
outbox-no-instance = Chưa có phiên bản dịch vụ nào chạy kênh { $channel }: tin nhắn đang chờ và sẽ được gửi khi có một phiên bản chạy kênh này.
outbox-stuck-summary = ⚠️ { $count } tin nhắn đang chờ kênh { $channel } nhưng chưa có phiên bản dịch vụ nào chạy kênh này (xem: dunghan outbox --status stuck).
