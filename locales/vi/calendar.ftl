# Lịch làm việc: ngày nghỉ, ngày làm bù.
# Số và ngày được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào.

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
