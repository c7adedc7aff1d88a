# Nhập dữ liệu hồ sơ: tệp CSV/XLSX (dunghan import), API nhận dữ liệu, mã truy cập API, cảnh báo dữ liệu cũ.
# Số và ngày được định dạng sẵn trong mã (12.345, 27/11/2026 09:30) rồi truyền vào.

## Giá trị trong một ô
ingest-required = thiếu giá trị (bắt buộc)
ingest-bad-type = giá trị phải là chữ, số hoặc true/false
ingest-bad-text = giá trị phải là chữ hoặc số
ingest-too-long = dài quá { $max } ký tự
ingest-control-chars = chứa ký tự điều khiển
ingest-bad-unicode = chứa ký tự hỏng do sai bảng mã (nửa cặp UTF-16, hoặc ký tự thay thế U+FFFD ở chỗ byte không phải UTF-8): hãy xuất lại dữ liệu dạng UTF-8
ingest-bad-date = không phải ngày giờ hợp lệ (ví dụ 20261127093000, 27/11/2026 09:30, 2026-11-27T09:30:00+07:00 hoặc ngày dạng số của Excel)
ingest-bad-channel = hình thức nộp phải là 1 (Trực tiếp), 2 (Trực tuyến), 3 (Bưu chính) hoặc tên tương ứng
ingest-bad-status = trạng thái phải là mã từ 1 đến 10 hoặc tên trạng thái (ví dụ "Đang xử lý", "Đã trả kết quả")
ingest-bad-boolean = phải là có/không (1/0, true/false, x)
ingest-bad-money = số tiền phải là số nguyên đồng, không âm (ví dụ 20000, 20.000, 20.000 đ)
ingest-bad-count = phải là số nguyên từ { $min } đến { $max }
ingest-bad-satisfaction = đánh giá phải là 3 (Rất hài lòng), 2 (Hài lòng), 1 (Không hài lòng) hoặc tên tương ứng
ingest-bad-history = LichSuTrangThai phải là danh sách (tối đa { $max } mục) các { "{" }"ThoiDiem", "TrangThaiHoSo"{ "}" }

## Quan hệ giữa các cột
ingest-in-future = thời điểm ở tương lai (sau lúc nhập dữ liệu)
ingest-too-old = ngày trước năm 2000, không phải dữ liệu hồ sơ hợp lệ
ingest-due-out-of-range = ngày hẹn trả phải trong khoảng 2000–2045
ingest-due-before-receipt = ngày hẹn trả trước ngày tiếp nhận
ingest-before-receipt = trước ngày tiếp nhận
ingest-end-needs-date = trạng thái { $status } là trạng thái kết thúc nên cần ngày kết thúc xử lý (hoặc ngày trả)
ingest-supplied-without-request = có ngày bổ sung nhưng không có ngày yêu cầu bổ sung
ingest-supplied-before-request = ngày bổ sung trước ngày yêu cầu bổ sung
ingest-count-zero-with-request = số lần yêu cầu bổ sung là 0 nhưng có ngày yêu cầu bổ sung
ingest-count-without-request = có số lần yêu cầu bổ sung nhưng thiếu ngày yêu cầu bổ sung (lần gần nhất)
ingest-history-inconsistent = lịch sử trạng thái phải theo thứ tự thời gian, không ở tương lai, và kết thúc bằng trạng thái hiện tại
ingest-duplicate-code = mã hồ sơ trùng với dòng { $row } (chỉ dòng đầu tiên được nhập)
ingest-unknown-unit = không có đơn vị nào có mã định danh, mã hoặc tên này (thêm --create-missing để tạo mới)
ingest-unknown-procedure = không có thủ tục nào có mã này (thêm --create-missing để tạo mới)
ingest-due-unknown-limit = thiếu ngày hẹn trả, và thủ tục { $procedure } chưa có thời hạn giải quyết để tự tính
ingest-due-not-computable = thiếu ngày hẹn trả, và không tính được hạn theo thời hạn của thủ tục { $procedure }
ingest-deadline-not-computable = không tính được hạn giải quyết với các ngày này
ingest-finish-ignored = trạng thái { $status } ({ $name }) chưa kết thúc nên ngày kết thúc xử lý và ngày trả được bỏ qua
ingest-waiting-without-request = trạng thái chờ bổ sung nhưng không có ngày yêu cầu bổ sung nào đang chờ: thời hạn vẫn được tính (không dừng)
ingest-status-backwards = trạng thái lùi từ { $from } ({ $fromName }) về { $to } ({ $toName }); đã ghi nhận vào lịch sử hồ sơ

## Tên trạng thái (TrangThaiHoSo)
ingest-status-1 = Mới đăng ký
ingest-status-2 = Được tiếp nhận
ingest-status-3 = Không được tiếp nhận
ingest-status-4 = Đang xử lý
ingest-status-5 = Yêu cầu bổ sung giấy tờ
ingest-status-6 = Yêu cầu thực hiện nghĩa vụ tài chính
ingest-status-7 = Công dân yêu cầu rút hồ sơ
ingest-status-8 = Dừng xử lý
ingest-status-9 = Đã xử lý xong
ingest-status-10 = Đã trả kết quả

## Tệp nhập
import-unknown-kind = Không nhận dạng được loại tệp { $file }: cần tệp .csv hoặc .xlsx.
import-not-utf8 = Tệp { $file } không phải văn bản UTF-8 (byte thứ { $offset }, dòng { $line }); tệp có vẻ dùng bảng mã { $encoding }. Không dòng nào được nhập. Nhập lại với --encoding { $encoding }, hoặc lưu lại tệp dạng "CSV UTF-8".
import-not-utf8-utf16 = Tệp { $file } không phải văn bản UTF-8: tệp có vẻ là UTF-16 (kiểu "Unicode Text" của Excel). Không dòng nào được nhập. Hãy lưu lại tệp dạng "CSV UTF-8" rồi nhập lại.
import-already-utf8 = Tệp { $file } là văn bản UTF-8, không phải { $encoding }: chuyển mã sẽ làm sai chữ. Không dòng nào được nhập. Nhập lại không kèm --encoding.
import-encoding-csv-only = --encoding chỉ dùng cho tệp CSV; tệp Excel { $file } tự ghi bảng mã của nó.
import-bad-encoding = Bảng mã "{ $encoding }" không được hỗ trợ: dùng utf-8, windows-1258 hoặc windows-1252.
import-csv-syntax = Tệp { $file } sai định dạng CSV ở dòng { $line }: { $detail }
import-csv-line-too-long = dòng dài hơn { $max } byte, không đọc được (tệp hỏng hoặc không phải bảng CSV)
import-csv-unreadable-row = không đọc được dòng này theo định dạng CSV ({ $detail }); các dòng sau vẫn được đọc
import-csv-too-many-unreadable = quá { $count } dòng không đọc được theo định dạng CSV, tệp có vẻ không phải bảng CSV; dừng đọc tại đây
import-first-row-unreadable = dòng { $row } — { $reason }
import-xlsx-too-large = Tệp { $file } vượt giới hạn an toàn khi đọc: { $what }. Không dòng nào được nhập. Hãy kiểm tra tệp, chia nhỏ hoặc xuất dạng CSV.
import-xlsx-limit-token = một ô hoặc thẻ trong { $part } dài hơn { $limit } (Excel giới hạn một ô ở 32.767 ký tự)
import-xlsx-limit-row = dòng thứ { $row } trong { $part } dài hơn { $limit }
import-xlsx-limit-cells = dòng thứ { $row } trong { $part } có hơn { $limit } ô (giới hạn cột của Excel)
import-xlsx-limit-shared-bytes = bảng chuỗi dùng chung (xl/sharedStrings.xml) lớn hơn { $limit } khi giải nén
import-xlsx-limit-shared-count = bảng chuỗi dùng chung (xl/sharedStrings.xml) có hơn { $limit } chuỗi
import-xlsx-limit-part = phần { $part } lớn hơn { $limit } khi giải nén
import-row-error = lỗi không lường trước khi xử lý dòng này ({ $detail }); chỉ dòng này bị bỏ qua
import-too-many-row-errors = Hơn { $count } dòng gặp lỗi không lường trước (lỗi gần nhất: { $detail }); nguyên nhân có vẻ không nằm ở dữ liệu nên dừng nhập.
import-no-header = Không tìm thấy dòng tiêu đề trong 20 dòng đầu của { $file } (cần ít nhất cột mã hồ sơ và hai cột khác). Dòng đầu tiên: { $first }
import-no-sheet = Tệp { $file } không có trang tính { $sheet }.
import-bad-xlsx = Tệp { $file } không phải tệp Excel .xlsx hợp lệ.
import-missing-columns = Tệp thiếu cột bắt buộc: { $columns }. Các cột có trong tệp: { $found }. Dùng --mapping <tệp.json> nếu tên cột khác.
import-bad-mapping = Tệp ánh xạ { $file } không hợp lệ{ $path }: { $detail }

## dunghan import
cli-import-summary = nhập hồ sơ từ tệp CSV/XLSX: dunghan import <tệp> [--mapping] [--dry-run] [--create-missing] [--json]
cli-import-usage =
    Cách dùng: dunghan import <tệp.csv|tệp.xlsx> [--mapping <tệp.json>] [--source <tên hệ thống>] [--encoding utf-8|windows-1258|windows-1252] [--dry-run] [--create-missing] [--json]
    Tệp có dòng tiêu đề theo tên trường DVCQG (MaHoSo, MaTTHC, DonViXuLy, NgayTiepNhan, NgayHenTra, TrangThaiHoSo, …)
    hoặc tên cột tiếng Việt ("Mã hồ sơ", "Ngày tiếp nhận", "Ngày hẹn trả", "Hình thức nộp", "Trạng thái", …).
    CSV: UTF-8 (có hoặc không có BOM), phân cách bằng dấu phẩy hoặc chấm phẩy.
    --encoding: bảng mã của tệp CSV; windows-1258 (tiếng Việt) và windows-1252 được chuyển sang UTF-8.
      Không có tuỳ chọn này, tệp không phải UTF-8 bị từ chối cả tệp, kèm bảng mã tệp có vẻ dùng.
    --mapping: tệp JSON ánh xạ tên cột, tên trạng thái, hình thức nộp của tệp khác mẫu.
    --source: tên hệ thống xuất dữ liệu (mặc định "import"), dùng để theo dõi dữ liệu cũ.
    --dry-run: chỉ kiểm tra, không ghi gì.
    --create-missing: tạo đơn vị và thủ tục chưa có thay vì bỏ qua dòng.
    Mã thoát: 0 nếu mọi dòng hợp lệ, 1 nếu có dòng bị bỏ qua, 130 nếu bị dừng giữa chừng.
import-progress = Đang nhập: { $rows } dòng · mới { $inserted } · cập nhật { $updated } · không đổi { $unchanged } · lỗi { $rejected } · { $rate } dòng/giây
import-done = Đã nhập { $file }: { $rows } dòng — mới { $inserted }, cập nhật { $updated }, không đổi { $unchanged }, bỏ qua { $rejected } dòng lỗi.
import-dry-run-done = Kiểm tra { $file } (không ghi gì): { $rows } dòng — sẽ thêm mới { $inserted }, cập nhật { $updated }, không đổi { $unchanged }, bỏ qua { $rejected } dòng lỗi.
import-interrupted = Đã dừng theo yêu cầu. Dữ liệu đến hết dòng { $row } đã được ghi trọn vẹn; các dòng sau chưa được nhập, chạy lại lệnh để nhập tiếp (các dòng đã nhập sẽ không đổi).
import-interrupted-nothing = Đã dừng theo yêu cầu trước khi ghi được lô nào; không có gì thay đổi.
import-failed-nothing = Lỗi khi nhập: { $detail }. Chưa lô nào được ghi; không có gì thay đổi.
import-failed-after = Lỗi khi nhập: { $detail }. Các lô đã ghi (đến hết dòng { $row }) vẫn trọn vẹn; lô đang ghi dở đã được huỷ.
import-blank-rows = Bỏ qua { $count } dòng trống.
import-ignored-columns = Các cột không dùng đến: { $columns }
import-duplicate-columns = Các cột trùng nghĩa với một cột trước (chỉ cột đầu được dùng): { $columns }
import-created-units = Đã tạo { $count } đơn vị mới: { $list }
import-created-procedures = Đã tạo { $count } thủ tục mới (chưa có thời hạn giải quyết): { $list }
import-rejected-title = Các dòng bị bỏ qua:
import-warnings-title = Lưu ý:
import-row-problem = Dòng { $row }, cột { $field }{ $value }: { $reason }
import-row-problem-whole = Dòng { $row }: { $reason }
import-marked-interrupted = Đã đánh dấu { $count } lần nhập trước bị ngắt giữa chừng (tiến trình dừng đột ngột): { $runs }.
import-failed-kept = Các lô đã ghi (đến hết dòng { $row }) vẫn trọn vẹn.
import-more = … và { $count } mục nữa (dùng --json để xem đến { $max } mục).

## dunghan token
cli-token-summary = mã truy cập API nhận dữ liệu: dunghan token create|revoke|list
cli-token-usage =
    Cách dùng:
      dunghan token create <tên hệ thống nguồn> [--json]   tạo mã mới (chỉ hiện một lần)
      dunghan token revoke <số hiệu mã>                    thu hồi mã
      dunghan token list [--json]                          liệt kê các mã (không hiện mã)
    Tên hệ thống nguồn: chữ thường không dấu, số, dấu chấm, gạch ngang, ví dụ igate hoặc motcua-tinh.
token-bad-source = Tên hệ thống nguồn "{ $source }" không hợp lệ (chữ không dấu, số, ".", "_", "-", tối đa 40 ký tự).
token-created =
    Đã tạo mã truy cập số { $id } cho hệ thống { $source }:
    { $token }
    Mã chỉ hiện một lần này; dunghan chỉ lưu bản băm SHA-256. Gửi kèm mỗi yêu cầu:
      Authorization: Bearer <mã>
token-revoked = Đã thu hồi mã số { $id } của hệ thống { $source }.
token-already-revoked = Mã số { $id } đã bị thu hồi từ { $at }.
token-not-found = Không có mã truy cập số { $id }.
token-list-empty = Chưa có mã truy cập nào.
token-list-line = #{ $id }  { $source }  tạo { $created } bởi { $by } · dùng lần cuối: { $used } · { $state }
token-never-used = chưa dùng
token-active = còn hiệu lực
token-revoked-state = đã thu hồi { $at }

## API nhận dữ liệu (HTTP)
http-listening = Máy chủ HTTP: { $url } (/healthz, /metrics, POST /api/v1/dossiers)
api-unauthorized = Thiếu hoặc sai mã truy cập (Authorization: Bearer <mã>).
api-revoked = Mã truy cập này đã bị thu hồi.
api-too-large = Nội dung yêu cầu vượt quá { $max } byte.
api-bad-json = Nội dung không phải JSON hợp lệ.
api-bad-encoding = Nội dung không phải văn bản UTF-8: byte thứ { $offset } (đếm từ 0) không hợp lệ. Hãy gửi JSON mã hoá UTF-8; không hồ sơ nào được ghi.
api-not-array = Nội dung phải là một mảng JSON các hồ sơ.
api-item-not-object = mỗi phần tử phải là một đối tượng JSON (một hồ sơ)
api-duplicate-code = mã hồ sơ trùng với phần tử { $index } trong cùng yêu cầu
api-bad-content-type = Content-Type phải là application/json.
api-invalid = Có { $count } lỗi; không hồ sơ nào được ghi. Sửa các mục được nêu rồi gửi lại cả lô.
api-not-found = Không có đường dẫn này.
api-method-not-allowed = Phương thức không được hỗ trợ cho đường dẫn này.
api-internal = Lỗi máy chủ; yêu cầu chưa được ghi. Hãy gửi lại sau.
api-busy = Cơ sở dữ liệu đang bận; hãy gửi lại sau.

## Cảnh báo dữ liệu cũ
ingest-stale-alert =
    ⚠️ Dữ liệu chưa được cập nhật từ { $since } (lần nhập gần nhất: { $source }).
    Số hồ sơ quá hạn, sắp đến hạn và các tỷ lệ có thể không còn đúng cho tới khi dữ liệu được nhập lại.
    Kiểm tra việc xuất dữ liệu từ hệ thống một cửa hoặc kết nối API.
