# Kênh Zalo: trả lời trong Zalo, đăng nhập bằng mã QR, trạng thái tệp đăng nhập.

## Tin nhắn Zalo
zalo-text-only = Đúng Hạn chỉ đọc được tin nhắn chữ. Gõ "trợ giúp" để xem các lệnh.
# Dòng cuối thêm vào khi cùng một nội dung vừa được gửi (Zalo chặn tin trùng nhau gửi liên tiếp).
zalo-sent-to = (gửi { $name } lúc { $time })
zalo-sent-at = (gửi lúc { $time })
zalo-sent-at-n = (gửi lúc { $time }, lần { $n })

## Khởi động kênh Zalo
zalo-start-no-file = Chưa có tệp đăng nhập Zalo { $file }. Chạy: dunghan zalo login
zalo-start-bad-file = Tệp đăng nhập Zalo { $file } không đọc được hoặc không hợp lệ. Chạy lại: dunghan zalo login --force
zalo-start-login-failed = Không đăng nhập được Zalo ({ $reason }). Nếu phiên đã hết hạn hoặc tài khoản vừa được đăng nhập ở nơi khác, chạy lại: dunghan zalo login --force

## dunghan zalo
cli-zalo-summary = kênh Zalo: dunghan zalo login | status
cli-zalo-usage =
    Cách dùng:
      dunghan zalo login [--qr <tệp.png>] [--force]   đăng nhập tài khoản Zalo của đơn vị bằng mã QR
      dunghan zalo status [--json]                    kiểm tra tệp đăng nhập (có chưa, hợp lệ không, quyền 600 chưa)
    Tệp đăng nhập được ghi vào ZALO_CREDENTIALS_FILE với quyền 600. Đây là bí mật: ai có tệp này dùng được tài khoản Zalo.
zalo-cli-no-file = Chưa đặt ZALO_CREDENTIALS_FILE (đường dẫn tệp đăng nhập Zalo), ví dụ: ZALO_CREDENTIALS_FILE=./data/zalo.json
zalo-login-exists = Đã có tệp đăng nhập { $file }. Thêm --force để đăng nhập lại và ghi đè.
zalo-login-qr = Mở Zalo trên điện thoại của tài khoản đơn vị, chọn quét mã QR và quét mã trên. Mã có hiệu lực khoảng 100 giây. Ảnh mã QR cũng được lưu tại { $file }
zalo-login-qr-file-only = Không vẽ được mã QR trên màn hình này. Mở ảnh { $file } và quét bằng Zalo trên điện thoại của tài khoản đơn vị. Mã có hiệu lực khoảng 100 giây.
zalo-login-expired = Mã QR đã hết hạn, đang tạo mã mới…
zalo-login-gave-up = Mã QR đã hết hạn { $count } lần. Chạy lại dunghan zalo login khi sẵn sàng quét.
zalo-login-scanned = Đã quét bằng tài khoản "{ $name }". Hãy bấm xác nhận đăng nhập trên điện thoại.
zalo-login-declined = Đăng nhập đã bị từ chối trên điện thoại.
zalo-login-aborted = Đã huỷ đăng nhập.
zalo-login-failed = Đăng nhập Zalo không thành công: { $reason }
zalo-login-done = Đã đăng nhập Zalo và lưu tệp { $file } (quyền 600). Khởi động lại dịch vụ (npm start) để bật kênh Zalo.
zalo-status-missing = Chưa có tệp đăng nhập Zalo { $file }. Chạy: dunghan zalo login
zalo-status-ok = Tệp đăng nhập Zalo { $file }: hợp lệ, quyền { $mode }, { $cookies } cookie.
zalo-status-not-private = Tệp { $file } có quyền { $mode }: người khác đọc được. Chạy: chmod 600 { $file }
zalo-status-invalid = Tệp { $file } không hợp lệ. Chạy lại: dunghan zalo login --force
