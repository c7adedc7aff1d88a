# Bản tin tuần: nội dung, biểu đồ, lệnh /baocao và dunghan digest.
# Số và ngày được định dạng sẵn trong mã (82,84%, 27/11/2026) rồi truyền vào. $span là "week"
# (một tuần từ thứ Hai đến Chủ nhật) hoặc "other" (kỳ khác, ví dụ /baocao tháng). Các biến đếm
# ($count, $received, …) là số để chọn cách nói khi bằng 0; bản đã định dạng là $…Text.

## Nội dung bản tin
digest-title = 📊 BẢN TIN CẢI CÁCH HÀNH CHÍNH — { $unit }
digest-period = { $span ->
        [week] Tuần
       *[other] Kỳ
    } { $from } – { $to } · số liệu lúc { $at }
digest-current-heading = { $span ->
        [week] Trong tuần (so với tuần trước):
       *[other] Trong kỳ (so với kỳ trước cùng độ dài):
    }
digest-nothing = { $span ->
        [week] • Không có hồ sơ nào được tiếp nhận hay giải quyết trong tuần.
       *[other] • Không có hồ sơ nào được tiếp nhận hay giải quyết trong kỳ.
    }
digest-line-ontime = • Đúng hạn: { $rate } { $delta }
digest-line-online = • Nộp trực tuyến: { $rate } { $delta }
digest-line-digitized = • Số hóa: { $rate } { $delta }
digest-line-satisfaction = • Hài lòng: { $rate } { $delta }
digest-none-handled = không có hồ sơ phải giải quyết
digest-none-received = không có hồ sơ mới
digest-none-rated = chưa có lượt đánh giá
digest-delta-up = ▲ { $points } điểm
digest-delta-down = ▼ { $points } điểm
digest-delta-same = (không đổi)
digest-delta-none = (kỳ trước chưa có số liệu)
digest-received = • Tiếp nhận: { $received ->
        [0] không có hồ sơ mới
       *[other] { $receivedText } hồ sơ (trực tuyến { $online }, trực tiếp { $direct }, bưu chính { $postal })
    }; { $carried ->
        [0] không có hồ sơ kỳ trước chuyển sang
       *[other] kỳ trước chuyển sang { $carriedText }
    }
digest-finished = • Đã giải quyết: { $finished ->
        [0] chưa có hồ sơ nào
       *[other] { $finishedText } hồ sơ (trước hạn { $early }, đúng hạn { $onTime }, quá hạn { $late })
    }
digest-open = • Còn đang giải quyết: { $open ->
        [0] không còn hồ sơ nào
       *[other] { $inProgress } trong hạn, { $overdue } quá hạn; chờ công dân bổ sung { $waiting }
    }
digest-payment = • Thanh toán trực tuyến: { $count ->
        [0] không có
       *[other] { $countText } hồ sơ, { $amount } đồng
    }

digest-ytd-heading = Từ đầu năm ({ $from } – { $to }):
digest-ytd-nothing = • Chưa có hồ sơ nào.
digest-ytd-rates = • Đúng hạn { $onTime } · Trực tuyến { $online } · Số hóa { $digitized } · Hài lòng { $satisfaction }
digest-ytd-counts = • Tiếp nhận { $received } · Đã giải quyết { $finished } ({ $lateCount ->
        [0] không có hồ sơ quá hạn
       *[other] quá hạn { $late }
    }) · Thanh toán trực tuyến: { $paid ->
        [0] không có
       *[other] { $paidText } hồ sơ, { $amount } đồng
    }

digest-ranking-heading = { $span ->
        [week] 🏆 Xếp hạng tỷ lệ đúng hạn trong tuần:
       *[other] 🏆 Xếp hạng tỷ lệ đúng hạn trong kỳ:
    }
digest-ranking-group = Khối { $kind } ({ $count } đơn vị có hồ sơ):
digest-ranking-line = { $rank }. { $unit }: { $rate } ({ $handled } hồ sơ)
digest-ranking-gap = …
digest-ranking-none = { $span ->
        [week] Trong tuần chưa có khối nào đủ hai đơn vị có hồ sơ để xếp hạng.
       *[other] Trong kỳ chưa có khối nào đủ hai đơn vị có hồ sơ để xếp hạng.
    }
digest-rank-unit = 🏆 Xếp hạng đúng hạn trong khối { $kind }: { $period }; { $ytd }.
digest-rank-period = { $span ->
        [week] thứ { $rank }/{ $total } trong tuần
       *[other] thứ { $rank }/{ $total } trong kỳ
    }
digest-rank-period-none = { $span ->
        [week] trong tuần không có hồ sơ để xếp hạng
       *[other] trong kỳ không có hồ sơ để xếp hạng
    }
digest-rank-ytd = thứ { $rank }/{ $total } từ đầu năm
digest-rank-ytd-none = từ đầu năm chưa có hồ sơ để xếp hạng
digest-rank-alone = 🏆 Không có đơn vị nào khác cùng khối { $kind } để xếp hạng.

digest-overdue = ⏰ Hồ sơ quá hạn chưa giải quyết xong lúc { $at }: { $count ->
        [0] không có ✅
       *[other] { $countText } hồ sơ, trong đó { $long ->
            [0] không có hồ sơ nào
           *[other] { $longText } hồ sơ
        } quá hạn trên { $days } ngày làm việc
    }
digest-overdue-units = Đơn vị có nhiều hồ sơ quá hạn nhất:
digest-overdue-line = • { $unit }: { $countText } hồ sơ{ $long ->
        [0] {""}
       *[other] , trong đó { $longText } quá hạn trên { $days } ngày làm việc
    }
digest-footer = Gõ /baocao để xem lại bản tin, /tiendo để xem chi tiết từng đơn vị.

digest-caption = 📊 { $span ->
        [week] Bản tin tuần
       *[other] Bản tin kỳ
    } { $from } – { $to } — { $unit }
    Đúng hạn: { $onTime } { $delta } · Nộp trực tuyến: { $online }

## Biểu đồ
digest-chart-title = { $span ->
        [week] Bản tin tuần { $from }–{ $to }
       *[other] Bản tin kỳ { $from }–{ $to }
    }
digest-chart-subtitle = { $unit }
digest-chart-subtitle-reference = { $unit } · vạch đứt: tỷ lệ đúng hạn chung { $reference }
digest-chart-units-area = { $span ->
        [week] Tỷ lệ đúng hạn trong tuần, theo đơn vị
       *[other] Tỷ lệ đúng hạn trong kỳ, theo đơn vị
    }
digest-chart-units-peers = { $span ->
        [week] Tỷ lệ đúng hạn trong tuần, khối { $kind } thuộc { $parent }
       *[other] Tỷ lệ đúng hạn trong kỳ, khối { $kind } thuộc { $parent }
    }
digest-chart-units-alone = { $span ->
        [week] Tỷ lệ đúng hạn trong tuần
       *[other] Tỷ lệ đúng hạn trong kỳ
    }
digest-chart-trend = Xu hướng { $weeks } tuần gần nhất — { $unit }
digest-chart-series-ontime = Đúng hạn
digest-chart-series-online = Trực tuyến

## dunghan digest
cli-digest-summary = bản tin tuần có biểu đồ: dunghan digest --dry-run | --send | targets
cli-digest-usage =
    Cách dùng:
      dunghan digest --dry-run [--at <ngày giờ>] [--unit <mã đơn vị> | --area <mã đơn vị>] [--out <tệp.png>]
      dunghan digest --send [--at <ngày giờ>]
      dunghan digest targets add (--official <mã cán bộ> | --group <kênh>:<mã nhóm> [--title "<tên nhóm>"]) [--unit <mã đơn vị>]
      dunghan digest targets remove (--official <mã cán bộ> | --group <kênh>:<mã nhóm>) [--unit <mã đơn vị>]
      dunghan digest targets list [--json]
    Bản tin nói về tuần trước tuần chứa --at (mặc định: lúc này).
    --dry-run in bản tin và ghi biểu đồ, không gửi gì: mặc định là bản tin toàn vùng của đơn vị gốc;
    --unit: bản tin gửi trưởng đơn vị (hoặc chủ tịch xã) đó; --area: bản tin toàn vùng của đơn vị đó.
    --send đưa bản tin của mọi người nhận vào hàng đợi gửi ngay (mỗi người nhận một lần mỗi tuần).
    targets: nơi nhận bản tin toàn vùng ngoài lãnh đạo và Phòng Cải cách hành chính; kênh là telegram hoặc zalo.
    Nhóm chưa được đăng ký thì add đăng ký luôn (bot trả lời lệnh trong nhóm, chỉ số liệu tổng hợp) và remove bỏ nơi nhận
    cuối cùng của nhóm thì huỷ đăng ký đó; remove không có --unit bỏ mọi nơi nhận của cán bộ hoặc nhóm đó.
digest-dry-chart = Biểu đồ: { $file } ({ $width }×{ $height } điểm ảnh).
digest-dry-plan = Tuần { $week }: { $messages ->
        [0] chưa có người nhận nào có tài khoản chat được liên kết, nên nếu gửi sẽ không có tin nào.
       *[other] nếu gửi lúc này sẽ có { $messagesText } tin, mỗi tin kèm một biểu đồ ({ $charts } biểu đồ khác nhau).
    }
digest-send-done = Bản tin tuần { $week }: đã đưa { $enqueued } tin vào hàng đợi gửi ({ $existing } tin đã có từ trước); { $unreachable } người nhận chưa liên kết tài khoản chat nên không nhận được.
digest-send-already = Bản tin tuần { $week } đã được đưa vào hàng đợi gửi trước đó; không gửi lại.
digest-send-busy = Một tiến trình khác đang gửi bản tin tuần { $week }; không gửi thêm.
digest-mode-needed = Cần một trong --dry-run, --send hoặc targets.
digest-targets-title = Nơi nhận bản tin toàn vùng (ngoài lãnh đạo và Phòng Cải cách hành chính):
digest-targets-empty = Chưa cấu hình nơi nhận nào thêm. Lãnh đạo và Phòng Cải cách hành chính vẫn nhận bản tin toàn vùng.
digest-target-line = #{ $id } · { $who } · bản tin của { $unit }
digest-target-added = Đã thêm nơi nhận bản tin: { $who } · bản tin của { $unit }.
digest-target-exists = Đã có từ trước: { $who } · bản tin của { $unit }.
digest-target-removed = Đã bỏ nơi nhận: { $who } · bản tin của { $unit }.
digest-target-not-found = Không có nơi nhận nào là { $who } với bản tin của { $unit }.
digest-target-not-found-any = Không có nơi nhận nào là { $who }.
# What adding or removing a group target did to the group itself ($group: digest-group-name, $scope: digest-group-scope-*).
digest-group-name = Nhóm { $channel } { $externalId } ({ $title })
digest-group-scope-unit = về { $unit }
digest-group-scope-asker = theo phạm vi được xem của người hỏi
digest-group-answers = { $channel ->
        [telegram] bot
       *[other] tài khoản Zalo của đơn vị
    } trả lời lệnh trong nhóm { $scope }, { $detail ->
        [yes] được xem chi tiết hồ sơ
       *[no] chỉ số liệu tổng hợp, không xem chi tiết hồ sơ
    }
digest-group-registered = { $group } chưa được đăng ký nên đã được đăng ký: { digest-group-answers }.{ $channel ->
        [telegram] {" "}Xem: dunghan telegram groups list.
       *[other] {""}
    }
digest-group-reactivated = { $group } đang tạm ngừng nên đã được bật lại: { digest-group-answers }.{ $channel ->
        [telegram] {" "}Xem: dunghan telegram groups list.
       *[other] {""}
    }
digest-group-unregistered = { $group } được đăng ký khi thêm nơi nhận nên nay đã huỷ đăng ký: không còn trả lời lệnh hay gửi tin vào nhóm.
digest-group-kept = { $group } vẫn được đăng ký và { $channel ->
        [telegram] bot vẫn trả lời lệnh trong nhóm; để bỏ: dunghan telegram groups remove { $externalId }.
       *[other] tài khoản Zalo của đơn vị vẫn trả lời lệnh trong nhóm.
    }
digest-target-needs-one = Cần đúng một trong --official hoặc --group.
digest-target-bad-group = --group: "{ $value }" phải có dạng telegram:<mã nhóm> hoặc zalo:<mã nhóm>.
digest-who-official = cán bộ { $code } ({ $name })
digest-who-group = nhóm { $channel } { $externalId } ({ $title })
digest-who-inactive = { $who } — đang tạm ngừng

## /baocao
baocao-last-week = Tuần trước
