# Gửi tin: thông báo cho quản trị khi không gửi được.

outbox-dead = ⚠️ Không gửi được tin nhắn #{ $id } qua { $channel } sau nhiều lần thử ({ $error }). Xem: dunghan outbox --status dead
outbox-unreachable = ⚠️ Không gửi được tới { $channel } { $address }: người nhận đã chặn bot, rời nhóm hoặc chưa kết bạn ({ $error }). Tài khoản này đã được tạm ngừng; tin nhắn được chuyển sang kênh còn lại nếu có.
