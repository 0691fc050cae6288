"""Every message the officer can see, in Vietnamese and English, by stable code.

Problem codes (``Problem.code``) and error codes (``CchcError.code``) share this catalogue.
Templates use ``str.format`` fields; ``{ref}`` is the cell (``Phân công!F12``) and ``{path}``
the file. A missing field renders as ``?`` rather than failing.
"""

from __future__ import annotations

from typing import Any

from cchc_sheets import catalogue
from cchc_sheets.errors import Words
from cchc_sheets.text import number, pick

# code: (Vietnamese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # --- files: nothing can be checked (exit 2) ---
    "file-missing": (
        "Không tìm thấy tệp {path}. Kiểm tra lại tên và thư mục của tệp.",
        "File not found: {path}. Check the file name and folder.",
    ),
    "file-empty": (
        "Tệp {path} rỗng (0 byte). Hãy mở bản gốc trong Excel và lưu lại.",
        "The file {path} is empty (0 bytes). Open the original in Excel and save it again.",
    ),
    "not-a-workbook": (
        "Tệp {path} không phải sổ tính Excel (nội dung là {kind}). Hãy mở tệp trong Excel và "
        "chọn Lưu thành → Sổ làm việc Excel (.xlsx).",
        "{path} is not an Excel workbook (it contains {kind_en}). Open it in Excel and use "
        "Save As → Excel Workbook (.xlsx).",
    ),
    "file-encrypted": (
        "Tệp {path} được đặt mật khẩu mở nên không đọc được. Hãy mở tệp trong Excel, bỏ mật khẩu "
        "(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu → xóa mật khẩu) rồi lưu lại.",
        "{path} is password-protected and cannot be read. Open it in Excel, remove the password "
        "(File → Info → Protect Workbook → Encrypt with Password → clear it) and save it again.",
    ),
    "file-corrupt": (
        "Tệp {path} bị hỏng hoặc chưa tải về đủ ({detail}). Hãy tải lại hoặc mở trong Excel để sửa.",
        "{path} is damaged or incomplete ({detail}). Download it again or let Excel repair it.",
    ),
    "file-too-large": (
        "Tệp {path} khi giải nén quá lớn ({size} MB, giới hạn {limit} MB); có thể là tệp độc hại. "
        "Không đọc tệp này.",
        "{path} would expand to {size} MB (limit {limit} MB); it may be malicious and was not read.",
    ),
    "file-too-many-parts": (
        "Tệp {path} chứa quá nhiều phần ({count}, giới hạn {limit}); có thể là tệp độc hại. "
        "Không đọc tệp này.",
        "{path} holds too many parts ({count}, limit {limit}); it may be malicious and was not "
        "read.",
    ),
    "file-unsafe-xml": (
        "Tệp {path} chứa khai báo XML không an toàn ({part}); không đọc tệp này. Hãy mở trong Excel "
        "và lưu lại thành tệp mới.",
        "{path} contains unsafe XML declarations ({part}) and was not read. Open it in Excel and "
        "save it as a new file.",
    ),
    "file-locked": (
        "Tệp {path} đang được mở trong Excel hoặc bị khóa. Hãy đóng tệp rồi chạy lại.",
        "{path} is open in Excel or locked. Close it and run again.",
    ),
    "file-open-elsewhere": (
        "Tệp {file} đang được mở trong Excel hoặc LibreOffice; kết quả theo lần lưu gần nhất. Hãy lưu tệp trước khi kiểm tra.",
        "{file} is open in Excel or LibreOffice; the check used the last saved version. Save the file before checking.",
    ),
    "file-unreadable": (
        "Không đọc được tệp {path}: {detail}.",
        "Cannot read {path}: {detail}.",
    ),
    "path-empty": (
        "Tên tệp trống. Hãy ghi đường dẫn tới tệp, ví dụ: cchc check ke-hoach.xlsx.",
        "The file name is empty. Give the path of a file, e.g. cchc check plan.xlsx.",
    ),
    "path-too-long": (
        "Đường dẫn quá dài (quá {limit} byte, hoặc một tên quá 255 byte): {path}. Hãy chuyển tệp "
        "vào thư mục có đường dẫn ngắn hơn hoặc đổi tên ngắn lại.",
        "The path is too long (over {limit} bytes, or a name over 255 bytes): {path}. Move the "
        "file to a folder with a shorter path or give it a shorter name.",
    ),
    "path-loop": (
        "Không mở được {path}: các liên kết tượng trưng (symlink) trỏ vòng vào nhau. Hãy chỉ "
        "thẳng tới tệp thật.",
        "Cannot open {path}: its symbolic links point at each other in a loop. Give the real "
        "file instead.",
    ),
    "path-no-access": (
        "Không có quyền truy cập {path} (một thư mục trên đường dẫn không cho phép đọc). Hãy "
        "chép tệp vào thư mục của mình hoặc nhờ người quản trị cấp quyền.",
        "No permission to reach {path} (a folder on the way may not be opened). Copy the file "
        "into one of your folders or ask the administrator for access.",
    ),
    "path-not-a-file": (
        "{path} không phải là một tệp mà là {kind}; chương trình chỉ đọc và ghi tệp thông "
        "thường. Hãy chỉ ra một tệp.",
        "{path} is not a file but {kind}; the program reads and writes regular files only. "
        "Give a file.",
    ),
    "out-of-memory": (
        "Không đủ bộ nhớ để kiểm tra {path}. Hãy đóng bớt chương trình khác rồi chạy lại; nếu "
        "vẫn lỗi, tệp có thể bị hỏng.",
        "Not enough memory to check {path}. Close other programs and run again; if it happens "
        "again, the file may be damaged.",
    ),
    "as-of-out-of-range": (
        "Ngày --as-of «{value}» nằm ngoài khoảng chương trình xử lý ({first}–{last}).",
        "The --as-of date '{value}' is outside the years the program handles ({first}–{last}).",
    ),
    "unsupported-format": (
        "Định dạng tệp {path} không được hỗ trợ. Hãy lưu thành .xlsx.",
        "The format of {path} is not supported. Save it as .xlsx.",
    ),
    "no-header": (
        "Không tìm thấy bảng nhiệm vụ hoặc bảng tiêu chí trong tệp {path}. Các tiêu đề cột đã thấy: "
        "{seen}. Còn thiếu cột: {missing}. Hãy đặt tiêu đề cột như trong mẫu (cchc template) hoặc "
        "thêm tên cột vào cchc.toml mục [columns].",
        "No task or criteria table found in {path}. Column headers seen: {seen}. Missing columns: "
        "{missing}. Use the headers of the template (cchc template) or add names to cchc.toml "
        "[columns].",
    ),
    # --- province score tables and the roll-up (contract §9) ---
    "province-no-table": (
        "Tệp {path} không có bảng điểm của tỉnh (mỗi xã một dòng, có cột \"Đơn vị\", \"Tên đơn vị\" "
        "hoặc \"Xã, phường\" và các cột điểm).",
        "{path} holds no province score table (a row per commune under \"Đơn vị\", \"Tên đơn vị\" "
        "or \"Xã, phường\", and score columns).",
    ),
    "province-no-commune-name": (
        "Kế hoạch không ghi tên xã, phường ở tiêu đề nên không tìm được dòng trong bảng điểm {path}. "
        "Hãy thêm commune = \"…\" vào cchc.toml. Các tên có trong bảng: {names}.",
        "The plan's heading names no commune, so its row in the score table {path} cannot be found. "
        "Add commune = \"…\" to cchc.toml. Names in the table: {names}.",
    ),
    "province-no-row": (
        "Bảng điểm {path} không có dòng nào của {commune}. Các tên có trong bảng: {names}. Hãy sửa "
        "commune = \"…\" trong cchc.toml cho khớp với một tên trên.",
        "The score table {path} has no row for {commune}. Names in the table: {names}. Set "
        "commune = \"…\" in cchc.toml to one of them.",
    ),
    "rollup-no-files": (
        "Không có tệp nào để tổng hợp trong {path}.",
        "No files to roll up in {path}.",
    ),
    "rollup-nothing-read": (
        "Không đọc được tệp nào trong {count} tệp; xem danh sách lỗi ở trên.",
        "None of the {count} files could be read; see the problems above.",
    ),
    "rollup-not-a-plan": (
        "Không phải kế hoạch hay tệp tổng hợp: không có bảng nhiệm vụ hoặc bảng tiêu chí.",
        "Neither a plan nor a summary: no task or criteria table.",
    ),
    "rollup-not-a-workbook": (
        "Không phải sổ tính Excel hay LibreOffice ({kind}).",
        "Not an Excel or LibreOffice workbook ({kind_en}).",
    ),
    "rollup-scores-only": (
        "Chỉ có bảng điểm, không có bảng nhiệm vụ (tệp điểm năm trước?); không tổng hợp.",
        "Only a score table, no task table (last year's scores?); not rolled up.",
    ),
    "rollup-duplicate": (
        "Trùng xã với tệp {other} ({commune}, tính đến {other_as_of}); tệp đó mới hơn nên được dùng.",
        "Same commune as {other} ({commune}, as of {other_as_of}), which is later and is used.",
    ),
    "rollup-name-from-file": (
        "Tiêu đề kế hoạch không ghi tên xã, phường; dùng tên tệp: {commune}.",
        "The plan's heading names no commune; the file name is used: {commune}.",
    ),
    "rollup-no-score-row": (
        "{commune} không có dòng nào trong bảng điểm {scores}.",
        "{commune} has no row in the score table {scores}.",
    ),
    "rollup-no-file": (
        "{commune} có trong bảng điểm nhưng không có kế hoạch hay tệp tổng hợp nào.",
        "{commune} is in the score table but sent no plan or summary.",
    ),
    "rollup-file-failed": (
        "Không đọc được tệp: {detail}.",
        "Could not read the file: {detail}.",
    ),
    # --- cchc nhap: the Word appendix (exit 2) ---
    "word-not-a-document": (
        "Tệp {path} không phải văn bản Word (nội dung là {kind}). Lệnh cchc nhap đọc phụ lục "
        "trong tệp .docx (hoặc .doc); hãy mở văn bản trong Word và chọn Lưu thành → Tài liệu "
        "Word (.docx).",
        "{path} is not a Word document (it contains {kind_en}). cchc import reads the appendix "
        "of a .docx (or .doc) file; open it in Word and use Save As → Word Document (.docx).",
    ),
    "word-is-workbook": (
        "Tệp {path} là sổ tính, không phải văn bản Word: kế hoạch đã ở dạng bảng tính, hãy kiểm "
        "tra trực tiếp bằng cchc check.",
        "{path} is a workbook, not a Word document: the plan is already a spreadsheet; check it "
        "directly with cchc check.",
    ),
    "word-encrypted": (
        "Văn bản {path} được đặt mật khẩu mở nên không đọc được. Hãy mở trong Word, bỏ mật khẩu "
        "(Tệp → Thông tin → Bảo vệ tài liệu → Mã hóa bằng mật khẩu → xóa mật khẩu) rồi lưu lại.",
        "{path} is password-protected and cannot be read. Open it in Word, remove the password "
        "(File → Info → Protect Document → Encrypt with Password → clear it) and save it again.",
    ),
    "word-corrupt": (
        "Văn bản Word {path} bị hỏng hoặc chưa tải về đủ ({detail}). Hãy tải lại, hoặc mở trong "
        "Word và lưu lại thành .docx.",
        "The Word document {path} is damaged or incomplete ({detail}). Download it again, or "
        "open it in Word and save it as .docx.",
    ),
    "word-doc-no-libreoffice": (
        "Tệp {path} là văn bản Word cũ (.doc); máy này chưa cài LibreOffice để chuyển đổi. Hãy "
        "mở tệp trong Word, chọn Lưu thành → Tài liệu Word (.docx), rồi chạy lại với tệp .docx.",
        "{path} is an old Word document (.doc) and LibreOffice is not installed to convert it. "
        "Open it in Word, use Save As → Word Document (.docx), and run again with the .docx.",
    ),
    "word-doc-convert-failed": (
        "Không chuyển được văn bản .doc {path} sang .docx bằng LibreOffice ({detail}). Hãy mở "
        "tệp trong Word, lưu thành .docx rồi chạy lại.",
        "LibreOffice could not convert the .doc {path} to .docx ({detail}). Open it in Word, "
        "save it as .docx and run again.",
    ),
    "word-no-appendix": (
        "Không tìm thấy bảng phụ lục (nhiệm vụ hoặc tiêu chí) trong văn bản {path}. Văn bản có "
        "{tables} bảng; các tiêu đề cột đã thấy: {seen}. Còn thiếu cột: {missing}. Bảng phụ lục "
        "cần hàng tiêu đề như «Nhiệm vụ, giải pháp», «Chủ trì», «Thời gian hoàn thành».",
        "No appendix table (tasks or criteria) found in {path}. The document has {tables} "
        "table[s]; column headers seen: {seen}. Missing columns: {missing}. The appendix needs "
        "a header row such as \"Nhiệm vụ, giải pháp\", \"Chủ trì\", \"Thời gian hoàn thành\".",
    ),
    "import-output-exists": (
        "Tệp {path} đã có; chương trình không ghi đè (có thể anh/chị đã cập nhật tiến độ vào đó). "
        "Hãy chọn tên khác với -o, hoặc thêm --force nếu chắc chắn muốn thay.",
        "{path} already exists; it is not overwritten (it may hold progress entered since). "
        "Choose another name with -o, or add --force if you are sure to replace it.",
    ),
    "nhap-done": (
        "Đã ghi {path}: {tasks} nhiệm vụ, {criteria} tiêu chí từ bảng {tables} của văn bản · năm "
        "kế hoạch {year} · {unplaced} dòng chưa nhập được (xem sheet «Chưa nhập được»).",
        "Written {path}: {tasks} task[s], {criteria} [criterion|criteria] from table {tables} of "
        "the document · plan year {year} · {unplaced} row[s] not imported (see the sheet "
        "\"Chưa nhập được\").",
    ),
    "nhap-guide-frame": (
        "Khung tiêu chí và các nhiệm vụ được nhập từ văn bản «{file}» bằng lệnh cchc nhap: mã, "
        "tên, điểm tối đa, điểm đạt, nhiệm vụ, bộ phận và thời hạn giữ như văn bản. Dòng nào "
        "chưa nhập được có ở sheet «Chưa nhập được»; hãy đối chiếu với văn bản gốc. Dòng có "
        "tiêu chí con được tính bằng tổng các dòng con.",
        "The criteria frame and the tasks were imported from the document \"{file}\" by cchc "
        "import: codes, names, max points, scores, tasks, units and deadlines as the document "
        "has them. Rows it could not place are on the sheet \"Chưa nhập được\"; check them "
        "against the document. A line with children is the sum of its children.",
    ),
    "nhap-col-table": ("Bảng số", "Table"),
    "nhap-col-row": ("Dòng", "Row"),
    "nhap-col-cells": ("Các ô của dòng trong văn bản", "The row's cells in the document"),
    "nhap-col-reason": ("Lý do", "Why"),
    "nhap-none-unplaced": (
        "Mọi dòng của phụ lục đã được nhập.",
        "Every row of the appendix was imported.",
    ),
    "nhap-reason-total": (
        "Dòng tổng cộng: chương trình tự cộng điểm, không cần nhập",
        "A total line: the checker adds the points up itself",
    ),
    "nhap-reason-heading": (
        "Dòng tiêu đề nhóm, không có nhiệm vụ",
        "A group heading with no task",
    ),
    "nhap-reason-below-table": (
        "Nằm dưới bảng (ghi chú, chữ ký, nơi nhận)",
        "Below the table (notes, signatures, recipients)",
    ),
    "nhap-reason-not-understood": (
        "Không hiểu được là nhiệm vụ hay tiêu chí: hãy nhập tay nếu cần",
        "Read as neither a task nor a criterion: enter it by hand if needed",
    ),
    "output-dir-missing": (
        "Thư mục ghi kết quả không tồn tại: {path}.",
        "The output folder does not exist: {path}.",
    ),
    "output-not-writable": (
        "Không ghi được tệp kết quả {path}: {detail}. Nếu tệp đang mở trong Excel, hãy đóng lại.",
        "Cannot write the output {path}: {detail}. If it is open in Excel, close it.",
    ),
    "output-disk-full": (
        "Không ghi được tệp {path}: ổ đĩa đã đầy. Hãy xóa bớt tệp hoặc chọn ổ khác với -o; tệp "
        "cũ (nếu có) vẫn được giữ nguyên.",
        "Cannot write {path}: the disk is full. Free some space or choose another drive with -o; "
        "the previous file, if any, is left as it was.",
    ),
    "summary-kept-edited": (
        "Tệp {kept} đã được sửa sau khi chương trình ghi nên được giữ nguyên; tệp tổng hợp mới "
        "ghi thành {path}.",
        "{kept} was edited after it was written, so it is kept as it is; the new summary is "
        "{path}.",
    ),
    "template-exists": (
        "Tệp {path} đã có (có thể anh/chị đã điền kế hoạch vào đó); chương trình không ghi đè. "
        "Hãy chọn tên khác với -o, hoặc thêm --force nếu chắc chắn muốn thay bằng mẫu trống.",
        "{path} already exists (it may hold a plan filled in since); it is not overwritten. "
        "Choose another name with -o, or add --force to replace it with the blank template.",
    ),
    "output-exists": (
        "Tệp {path} đã có và không phải tệp do chương trình này ghi; chương trình không ghi đè. "
        "Hãy chọn tên khác với -o (hoặc xóa tệp đó nếu chắc chắn không cần).",
        "{path} already exists and was not written by this program; it is not overwritten. "
        "Choose another name with -o (or delete that file if you are sure).",
    ),
    "output-is-input": (
        "Tệp kết quả {path} trùng với tệp đầu vào; chương trình không bao giờ ghi đè tệp của bạn. "
        "Hãy chọn tên khác với -o.",
        "The output {path} is the input file; the program never overwrites your workbook. "
        "Choose another name with -o.",
    ),
    "config-unreadable": (
        "Không đọc được tệp cấu hình {path}: {detail}.",
        "Cannot read the configuration {path}: {detail}.",
    ),
    "config-unknown-key": (
        "Tệp cấu hình {path}: khóa không hợp lệ «{key}». Các khóa được phép: {allowed}.",
        "Configuration {path}: unknown key '{key}'. Allowed keys: {allowed}.",
    ),
    "config-bad-type": (
        "Tệp cấu hình {path}: «{key}» phải là {expected}.",
        "Configuration {path}: '{key}' must be {expected}.",
    ),
    "bad-as-of": (
        "Ngày --as-of «{value}» không hợp lệ; hãy viết dạng YYYY-MM-DD, ví dụ 2025-06-30.",
        "Invalid --as-of date '{value}'; write it as YYYY-MM-DD, e.g. 2025-06-30.",
    ),
    # --- sheets and headers ---
    "ambiguous-header": (
        "{ref}: tiêu đề cột «{header}» có thể là «{first}» hoặc «{second}»; hãy đổi tên cột cho rõ.",
        "{ref}: the header '{header}' could be '{first}' or '{second}'; rename the column.",
    ),
    "old-plan-sheet": (
        "Trang «{sheet}» là bản kế hoạch năm {year} (các nhiệm vụ trùng với kế hoạch năm "
        "{plan_year}); trang đó không được đọc.",
        "The sheet '{sheet}' is the plan of {year} (its tasks are this {plan_year} plan's again); "
        "it was not read.",
    ),
    "missing-column": (
        "{ref}: bảng nhiệm vụ không có cột «{column}»; các nhiệm vụ coi như không có thời hạn. "
        "Hãy thêm cột, hoặc khai tên cột trong cchc.toml [columns].",
        "{ref}: the list of tasks has no '{column}' column; its tasks count as having none. "
        "Add the column, or name it in cchc.toml [columns].",
    ),
    "duplicate-column": (
        "{ref}: cột «{header}» trùng với cột {other}; chỉ dùng cột đầu tiên.",
        "{ref}: the column '{header}' repeats column {other}; only the first is used.",
    ),
    "hidden-sheet": (
        "Trang tính «{sheet}» đang bị ẩn; vẫn được đọc.",
        "The sheet '{sheet}' is hidden; it was read anyway.",
    ),
    "hidden-rows": (
        "{ref}: có {count} dòng bị ẩn ({rows}); vẫn được đọc.",
        "{ref}: {count} hidden row[s] ({rows}); read anyway.",
    ),
    "legacy-font": (
        "{ref}: văn bản có vẻ dùng bảng mã cũ (TCVN3/VNI, ví dụ «{value}»); hãy chuyển sang Unicode "
        "bằng Unikey (Công cụ chuyển mã).",
        "{ref}: text looks like a legacy Vietnamese encoding (TCVN3/VNI, e.g. '{value}'); convert it "
        "to Unicode (Unikey's converter).",
    ),
    # --- rows the reader did not understand (contract §7 "Nothing dropped silently") ---
    "row-not-understood": (
        "{ref}: dòng {row} có điểm ({points}) nhưng không được đọc thành tiêu chí: {why}. Điểm "
        "này không được tính; hãy ghi mã tiêu chí vào ô {code_cell} (hoặc xóa điểm nếu dòng "
        "này không chấm điểm).",
        "{ref}: row {row} has points ({points}) but was not read as a criterion: {why}. These "
        "points are not counted; write the criterion's code in {code_cell} (or delete the points "
        "if the row is not scored).",
    ),
    "row-below-table": (
        "{ref}: dòng {row} có {what} nhưng nằm dưới {end} ở dòng {end_row}, nơi chương trình "
        "coi là hết bảng; dòng này không được đọc. Hãy để {end} ở dưới cùng của bảng.",
        "{ref}: row {row} has {what} but lies below {end} at row {end_row}, where the table is "
        "taken to end; the row was not read. Keep {end} at the bottom of the table.",
    ),
    # --- cells ---
    "stray-cells": (
        "{ref}: có giá trị nằm rất xa bảng (ngoài giới hạn đọc {limit} ô); {count} ô như vậy "
        "không được đọc. Nếu đó là nhập nhầm, hãy xóa ô này trong Excel.",
        "{ref}: a value lies far away from the table (past the reading limit of {limit} cells); "
        "{count} such cell(s) were not read. If it was typed by mistake, delete it in Excel.",
    ),
    "bad-shared-string": (
        "{ref}: ô trỏ tới một chuỗi không có trong tệp (chỉ mục chuỗi dùng chung hỏng); ô được "
        "coi là trống. Hãy mở tệp trong Excel và lưu lại.",
        "{ref}: the cell points to a text the file does not hold (a damaged shared-string "
        "index); it is read as empty. Open the file in Excel and save it again.",
    ),
    "formula-no-value": (
        "{ref}: ô có công thức «{formula}» nhưng chưa có giá trị đã tính (tệp được lưu bởi chương "
        "trình không tính công thức). Hãy mở tệp trong Excel, nhấn F9 rồi lưu lại.",
        "{ref}: the formula '{formula}' has no calculated value (saved by a program that does not "
        "calculate). Open the file in Excel, press F9 and save.",
    ),
    "error-cell": (
        "{ref}: ô báo lỗi {value}; hãy sửa công thức.",
        "{ref}: the cell shows the error {value}; fix the formula.",
    ),
    "unparsed-deadline": (
        "{ref}: không hiểu thời hạn «{value}». Hãy ghi ngày (30/6/{hint_year}), tháng (Tháng 6/{hint_year}), "
        "quý (Quý II/{hint_year}) hoặc «Thường xuyên».",
        "{ref}: cannot read the deadline '{value}'. Write a date (30/6/{hint_year}), a month "
        "(Tháng 6/{hint_year}), a quarter (Quý II/{hint_year}) or 'Thường xuyên'.",
    ),
    "no-deadline": (
        "{ref}: nhiệm vụ chưa có thời hạn hoàn thành.",
        "{ref}: the task has no deadline.",
    ),
    "bad-date": (
        "{ref}: không hiểu ngày «{value}» ở cột {column}; hãy ghi dạng ngày/tháng/năm, ví dụ "
        "20/6/{hint_year}.",
        "{ref}: cannot read the date '{value}' in the {column} column; write it as day/month/year, "
        "e.g. 20/6/{hint_year}.",
    ),
    "unknown-status": (
        "{ref}: không hiểu trạng thái «{value}». Hãy dùng: Hoàn thành, Đang thực hiện, Chưa thực "
        "hiện hoặc Hủy.",
        "{ref}: unknown status '{value}'. Use: Hoàn thành, Đang thực hiện, Chưa thực hiện or Hủy.",
    ),
    "bad-progress": (
        "{ref}: tiến độ «{value}» không phải tỷ lệ từ 0 đến 100%.",
        "{ref}: progress '{value}' is not a percentage from 0 to 100.",
    ),
    "percent-score": (
        "{ref}: điểm «{value}» ghi theo tỷ lệ %, nhưng điểm tối đa của dòng này là {max}, không "
        "phải 100; hãy ghi số điểm đạt được.",
        "{ref}: the score '{value}' is a percentage, but this line's maximum is {max}, not 100; "
        "write the points instead.",
    ),
    "bad-score": (
        "{ref}: điểm «{value}» không phải số; nếu tiêu chí không áp dụng, hãy ghi «Không áp dụng».",
        "{ref}: the score '{value}' is not a number; if the criterion does not apply, write "
        "'Không áp dụng'.",
    ),
    "bad-max": (
        "{ref}: điểm tối đa «{value}» không phải số.",
        "{ref}: the maximum '{value}' is not a number.",
    ),
    "score-above-max": (
        "{ref}: điểm năm {year} là {score}, lớn hơn điểm tối đa {max}.",
        "{ref}: the {year} score {score} is above the maximum {max}.",
    ),
    "max-mismatch": (
        "{ref}: điểm tối đa ghi {stated} nhưng tổng các tiêu chí con là {computed}; dùng tổng {computed}.",
        "{ref}: the stated maximum {stated} differs from the sum of its sub-criteria {computed}; "
        "the sum is used.",
    ),
    "score-mismatch": (
        "{ref}: điểm năm {year} ghi {stated} nhưng tổng các tiêu chí con là {computed}; dùng tổng "
        "{computed}.",
        "{ref}: the stated {year} score {stated} differs from the sum of its sub-criteria "
        "{computed}; the sum is used.",
    ),
    "lost-mismatch": (
        "{ref}: điểm bị trừ ghi {stated} nhưng điểm tối đa − điểm đạt = {computed}.",
        "{ref}: points lost are written as {stated} but maximum − score = {computed}.",
    ),
    "duplicate-criterion": (
        "{ref}: mã tiêu chí {code} đã có ở {other}; dòng này được bỏ qua.",
        "{ref}: the criterion code {code} already appears at {other}; this row is skipped.",
    ),
    "ambiguous-criterion": (
        "{ref}: «{code}» có ở nhiều tiêu chí ({paths}); hãy ghi mã đầy đủ của tiêu chí nhiệm vụ "
        "phục vụ.",
        "{ref}: '{code}' appears under several criteria ({paths}); write the full code of the "
        "criterion the task serves.",
    ),
    "unknown-criterion": (
        "{ref}: nhiệm vụ ghi mã tiêu chí {code} nhưng không có tiêu chí nào mang mã này.",
        "{ref}: the task names criterion {code}, which is not in the criteria table.",
    ),
    "text-too-long": (
        "{ref}: nội dung dài {length} ký tự; chỉ dùng {limit} ký tự đầu.",
        "{ref}: the text is {length} characters long; only the first {limit} are used.",
    ),
    "history-unavailable": (
        "Không dùng được lịch sử kiểm tra {path} ({detail}); lần kiểm tra này chạy không có lịch sử.",
        "The check history {path} cannot be used ({detail}); this check runs without history.",
    ),
    "history-rows-skipped": (
        "Lịch sử kiểm tra {path}: bỏ qua {count} dòng không đọc được ({rows}); các lần kiểm tra "
        "còn lại vẫn được dùng.",
        "Check history {path}: {count} unreadable row[s] skipped ({rows}); the other checks are "
        "used.",
    ),
    "history-missing": (
        "Chưa có lịch sử kiểm tra {path}. Lịch sử được ghi mỗi lần chạy «cchc check» (trừ khi dùng "
        "--no-history); nếu lịch sử nằm ở nơi khác, hãy chỉ ra bằng --history.",
        "There is no check history at {path}. Each 'cchc check' run records one (unless "
        "--no-history is given); if the history is elsewhere, name it with --history.",
    ),
    # --- e-mail ---
    "config-password-in-file": (
        "Tệp cấu hình {path}: không được ghi mật khẩu thư điện tử vào tệp («{key}» trong mục "
        "[email]). Hãy xóa dòng này và đặt mật khẩu vào biến môi trường CCHC_SMTP_PASSWORD trước "
        "khi gửi.",
        "Configuration {path}: the e-mail password must not be written in the file ('{key}' in "
        "[email]). Remove that line and put the password in the CCHC_SMTP_PASSWORD environment "
        "variable before sending.",
    ),
    "config-bad-value": (
        "Tệp cấu hình {path}: «{key}» không nhận giá trị «{value}». Giá trị hợp lệ, ví dụ: "
        "{allowed}.",
        "Configuration {path}: '{value}' is not a valid value for '{key}'. Valid values, for "
        "example: {allowed}.",
    ),
    "mail-not-configured": (
        "Chưa cấu hình gửi thư: thiếu «{key}» trong mục [email] của {config} (ví dụ: {example}).",
        "E-mail is not configured: '{key}' is missing from the [email] section of {config} "
        "(for example: {example}).",
    ),
    "mail-no-password": (
        "Cần mật khẩu để đăng nhập máy chủ thư bằng tài khoản {user}. Hãy đặt biến môi trường "
        "CCHC_SMTP_PASSWORD (Windows: set CCHC_SMTP_PASSWORD=…; macOS/Linux: export "
        "CCHC_SMTP_PASSWORD=…) rồi chạy lại. Mật khẩu không bao giờ được ghi vào tệp.",
        "A password is needed to log in to the mail server as {user}. Set the CCHC_SMTP_PASSWORD "
        "environment variable (Windows: set CCHC_SMTP_PASSWORD=…; macOS/Linux: export "
        "CCHC_SMTP_PASSWORD=…) and run again. The password is never written to a file.",
    ),
    "mail-insecure-login": (
        "Không đăng nhập máy chủ thư {host} qua kết nối không mã hóa (security = \"none\"): mật "
        "khẩu sẽ bị lộ. Hãy đổi «security» trong mục [email] của {config} thành \"starttls\" "
        "(cổng 587) hoặc \"ssl\" (cổng 465).",
        "Will not log in to the mail server {host} over an unencrypted connection "
        "(security = \"none\"): the password would be exposed. Change 'security' in the [email] "
        "section of {config} to \"starttls\" (port 587) or \"ssl\" (port 465).",
    ),
    "mail-login-refused": (
        "Máy chủ thư {host} từ chối đăng nhập của tài khoản {user} ({detail}). Hãy kiểm tra "
        "«user» trong mục [email] của {config} và mật khẩu trong biến môi trường "
        "CCHC_SMTP_PASSWORD; Gmail và Outlook cần «mật khẩu ứng dụng». Chưa thư nào được gửi.",
        "The mail server {host} refused the login of {user} ({detail}). Check 'user' in the "
        "[email] section of {config} and the password in the CCHC_SMTP_PASSWORD environment "
        "variable; Gmail and Outlook need an app password. No message was sent.",
    ),
    "mail-needs-login": (
        "Máy chủ thư {host} yêu cầu đăng nhập ({detail}). Hãy ghi tài khoản thư vào «user» "
        "trong mục [email] của {config} và đặt mật khẩu vào biến môi trường CCHC_SMTP_PASSWORD. "
        "Chưa thư nào được gửi.",
        "The mail server {host} requires a login ({detail}). Write the mail account as 'user' "
        "in the [email] section of {config} and put the password in the CCHC_SMTP_PASSWORD "
        "environment variable. No message was sent.",
    ),
    "mail-needs-tls": (
        "Máy chủ thư {host}:{port} yêu cầu kết nối bảo mật trước ({detail}). Hãy đổi «security» "
        "trong mục [email] của {config} thành \"starttls\" (thường là cổng 587). Chưa thư nào "
        "được gửi.",
        "The mail server {host}:{port} requires a secure connection first ({detail}). Change "
        "'security' in the [email] section of {config} to \"starttls\" (usually port 587). No "
        "message was sent.",
    ),
    "mail-wrong-security": (
        "Máy chủ thư {host}:{port} không nói chuyện theo kiểu kết nối security = \"{security}\" "
        "({detail}). Hãy sửa «security» và «port» trong mục [email] của {config} cho khớp nhau: "
        "\"ssl\" với cổng 465, \"starttls\" với cổng 587. Chưa thư nào được gửi.",
        "The mail server {host}:{port} does not speak the kind of connection security = "
        "\"{security}\" ({detail}). Make 'security' and 'port' in the [email] section of "
        "{config} agree: \"ssl\" with port 465, \"starttls\" with port 587. No message was sent.",
    ),
    "mail-unreachable": (
        "Không kết nối được máy chủ thư {host}:{port} ({detail}). Hãy kiểm tra kết nối mạng, "
        "«host» và «port» trong mục [email] của {config}. Thư chưa được gửi.",
        "Cannot connect to the mail server {host}:{port} ({detail}). Check the network "
        "connection, and 'host' and 'port' in the [email] section of {config}. The mail was "
        "not sent.",
    ),
    "mail-cert-untrusted": (
        "Chứng chỉ bảo mật của máy chủ thư {host} không được máy này tin cậy ({detail}); thường "
        "gặp khi máy chủ của tỉnh hoặc đơn vị dùng chứng chỉ tự cấp. Hãy xin bộ phận quản trị thư "
        "tệp chứng chỉ gốc (CA, dạng .pem) và ghi đường dẫn vào «cafile» trong mục [email] của "
        "{config} (hiện tại: {cafile}). Chưa thư nào được gửi.",
        "The mail server {host}'s certificate is not trusted on this computer ({detail}); this "
        "happens when a provincial or office server uses its own certificate authority. Ask the "
        "mail administrators for the root certificate (CA, a .pem file) and write its path as "
        "'cafile' in the [email] section of {config} (now: {cafile}). No message was sent.",
    ),
    "mail-cert-name": (
        "Chứng chỉ của máy chủ thư không mang tên {host} ({detail}). Hãy ghi «host» trong mục "
        "[email] của {config} đúng tên máy chủ ghi trên chứng chỉ (hỏi bộ phận quản trị thư). "
        "Chưa thư nào được gửi.",
        "The mail server's certificate is not for the name {host} ({detail}). Write 'host' in "
        "the [email] section of {config} as the name on the certificate (ask the mail "
        "administrators). No message was sent.",
    ),
    "mail-tls-failed": (
        "Không lập được kết nối bảo mật (TLS) với máy chủ thư {host} ({detail}). Hãy kiểm tra "
        "«host», «port» và «security» trong mục [email] của {config} (\"starttls\" cho cổng "
        "587, \"ssl\" cho cổng 465). Chưa thư nào được gửi.",
        "Cannot set up a secure (TLS) connection with the mail server {host} ({detail}). Check "
        "'host', 'port' and 'security' in the [email] section of {config} (\"starttls\" for "
        "port 587, \"ssl\" for port 465). No message was sent.",
    ),
    "mail-bad-cafile": (
        "Không đọc được tệp chứng chỉ {path} ({detail}). Hãy sửa «cafile» trong mục [email] của "
        "{config}: đường dẫn tới tệp chứng chỉ gốc dạng .pem.",
        "Cannot read the certificate file {path} ({detail}). Fix 'cafile' in the [email] section "
        "of {config}: the path of a root certificate in .pem form.",
    ),
    "mail-line-break": (
        "«{what}» chứa ký tự xuống dòng (có thể ẩn trong đoạn mã hóa =?…?=): «{value}». Giá trị "
        "như vậy có thể chèn thêm dòng vào đầu thư nên bị từ chối; chưa thư nào được gửi.",
        "'{what}' holds a line break (perhaps inside an encoded word =?…?=): '{value}'. Such a "
        "value could add lines to the mail's header and is refused; no message was sent.",
    ),
    "mail-recipients-refused": (
        "Máy chủ thư từ chối địa chỉ người nhận: {addresses} ({detail}). Hãy kiểm tra các "
        "địa chỉ này (--to, --cc, hoặc «email» của bộ phận trong [[units]] của {config}).",
        "The mail server refused these recipients: {addresses} ({detail}). Check these "
        "addresses (--to, --cc, or the unit's 'email' in [[units]] of {config}).",
    ),
    "mail-rejected": (
        "Máy chủ thư không nhận thư «{subject}» ({detail}); thư này chưa được gửi.",
        "The mail server did not accept the message '{subject}' ({detail}); it was not sent.",
    ),
    "mail-bad-address": (
        "Địa chỉ thư điện tử «{address}» không hợp lệ; hãy viết dạng ten@donvi.gov.vn.",
        "The e-mail address '{address}' is not valid; write it as name@example.gov.vn.",
    ),
    "mail-no-recipients": (
        "Chưa có người nhận: hãy ghi ít nhất một địa chỉ với --to.",
        "No recipient: give at least one address with --to.",
    ),
    "mail-not-a-summary": (
        "Tệp {path} không phải bảng tổng hợp do «cchc check» tạo ra (không có {missing} mà lệnh "
        "kiểm tra ghi vào tệp). Hãy gửi tệp tổng hợp mà lệnh «cchc check» đã ghi.",
        "{path} is not a summary written by 'cchc check' (it lacks {missing}, which the check "
        "records in the file). Send the summary file that 'cchc check' wrote.",
    ),
    "mail-per-unit-needs-check": (
        "Gửi riêng từng bộ phận (--per-unit) cần kế hoạch đã kiểm tra, nhưng không thấy tệp {plan} "
        "ghi trong tệp tổng hợp {path}. Hãy để tệp kế hoạch cạnh tệp tổng hợp, hoặc dùng «cchc "
        "check KẾ_HOẠCH --send --per-unit».",
        "Sending each unit its own list (--per-unit) needs the plan that was checked, but {plan}, "
        "recorded in the summary {path}, was not found. Keep the plan beside the summary, or use "
        "'cchc check PLAN --send --per-unit'.",
    ),
    "mail-unit-no-address": (
        "Bộ phận «{unit}» chưa có địa chỉ thư («email» của bộ phận trong [[units]] của "
        "{config}) nên không nhận được danh sách riêng.",
        "The unit '{unit}' has no e-mail address (the unit's 'email' in [[units]] of "
        "{config}), so it gets no list of its own.",
    ),
}


# pieces of the messages above, by key: why a row was not read, what it had, where the table ended
WORDS: dict[str, tuple[str, str]] = {
    "why.merged": (
        "ô mã {cell} được gộp với dòng trên nên dòng này bị coi là phần tiếp của dòng trên",
        "its code cell {cell} is merged with the row above, so the row was taken as part of it"),
    "why.no-code": (
        "dòng không có mã tiêu chí ({cell} trống) và ô tên cũng trống",
        "the row has no criterion code ({cell} is empty) and no name"),
    "why.merged-name": (
        "ô mã {cell} trống và ô tên được gộp với dòng trên",
        "its code cell {cell} is empty and its name cell is merged with the row above"),
    "what.points": ("điểm ({points})", "points ({points})"),
    "what.task": ("nhiệm vụ «{value}»", "the task '{value}'"),
    "end.signature": ("phần chữ ký", "the signature block"),
    "end.note": ("dòng ghi chú", "the note line"),
}


def words(key: str, **args: Any) -> Words:
    """A piece of a message in both languages, its fields filled in."""
    return Words(*catalogue.both("words:" + key, **args))


def render(message_code: str, lang: str = "vi", /, **args: Any) -> str:
    """The message for ``message_code`` in ``lang`` ("vi" or "en"), with ``args`` filled in
    (:func:`cchc_sheets.catalogue.say` of ``"msg:" + message_code``)."""
    return catalogue.say("msg:" + message_code, lang, **args)


def number_text(value: float, lang: str) -> str:
    """A number as a message or a label shows it (:func:`cchc_sheets.text.number`)."""
    return number(value, lang)


def _show(value: Any, lang: str) -> str:
    if isinstance(value, Words):
        return pick((value.vi, value.en), lang)
    if isinstance(value, float):
        return number_text(value, lang)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) if value else "—"
    return str(value)


# What the commands say on screen about the history and the e-mail (not problems).
SCREEN: dict[str, tuple[str, str]] = {
    "history-beside": (
        "Lịch sử kiểm tra: {path} ({count} lần kiểm tra trước{latest_text}).",
        "Check history: {path} ({count} earlier check[s]{latest_text}).",
    ),
    "history-new": (
        "Lịch sử kiểm tra: chưa có, bắt đầu tệp mới {path}.",
        "Check history: none yet; a new one is started at {path}.",
    ),
    "history-found": (
        "Lịch sử kiểm tra: dùng {path}, lịch sử của cùng kế hoạch (lần trước tên tệp là "
        "«{recorded_for}»; {count} lần kiểm tra trước{latest_text}).{then}",
        "Check history: using {path}, the history of the same plan (last recorded as "
        "'{recorded_for}'; {count} earlier check[s]{latest_text}).{then}",
    ),
    "history-found-same": (
        "Lịch sử kiểm tra: {path}, lịch sử của kế hoạch này dưới tên tệp khác ({count} lần kiểm "
        "tra trước{latest_text}).",
        "Check history: {path}, this plan's history under another file name ({count} earlier "
        "check[s]{latest_text}).",
    ),
    "history-continue": (" Lần này được ghi tiếp vào đó.", " This check is added to it."),
    "history-shortened": (
        "Tên kế hoạch quá dài nên tên tệp lịch sử được rút gọn: {path}.",
        "The plan's name is too long, so the history's file name is shortened: {path}.",
    ),
    "history-backdated": (
        "Ngày kiểm tra {as_of} trước lần kiểm tra đã ghi gần nhất ({latest}): lịch sử được đọc "
        "như tại ngày {as_of}, và lần kiểm tra này KHÔNG được ghi vào lịch sử (không sửa các "
        "lần đã ghi).",
        "The check date {as_of} is before the latest recorded check ({latest}): the history was "
        "read as it stood on {as_of}, and this check is NOT recorded (recorded weeks are never "
        "rewritten).",
    ),
    "history-latest": (", gần nhất {latest}", ", latest {latest}"),
    "unchanged-note": (
        "{count} nhiệm vụ «không thay đổi»: trạng thái, tiến độ và kết quả thực hiện giữ nguyên "
        "từ {days} ngày trở lên qua các lần kiểm tra. Chỉ sửa «Ngày cập nhật» không xóa được dấu "
        "này; hãy ghi tiến độ hoặc kết quả mới.",
        "{count} task[s] 'unchanged': status, progress and result have stayed the same for "
        "{days} days or more across the checks. Changing only the update date does not clear "
        "this; write the new progress or result.",
    ),
    "missing-change": (
        "Thiếu cập nhật: {before} → {now} so với lần kiểm tra {day}.",
        "Missing updates: {before} → {now} since the check of {day}.",
    ),
    "history-record-failed": (
        "Không ghi được lần kiểm tra này vào lịch sử: {message}",
        "This check could not be recorded in the history: {message}",
    ),
    # --- e-mail
    "mail-connecting": ("Đang gửi thư qua máy chủ {host} (chờ trả lời tối đa {timeout} giây)…",
                        "Sending through the mail server {host} (waiting at most {timeout} "
                        "seconds for each answer)…"),
    "mail-written": ("Đã ghi thư (không gửi): {path}", "Mail written (not sent): {path}"),
    "mail-sent": ("Đã gửi tới {who}", "Sent to {who}"),
    "mail-partly": ("Đã gửi tới {who}; KHÔNG gửi được tới {refused}: {reason}",
                    "Sent to {who}; NOT delivered to {refused}: {reason}"),
    "mail-not-sent": ("CHƯA gửi tới {who}: {reason}", "NOT sent to {who}: {reason}"),
    "mail-unit-line": ("  {unit} → {who}: {count} nhiệm vụ cần chú ý",
                       "  {unit} → {who}: {count} task[s] needing attention"),
    "mail-units-head": ("Gửi riêng từng bộ phận:", "Each unit's own list:"),
    "mail-units-quiet": ("Không gửi (không có nhiệm vụ cần chú ý): {units}",
                         "Nothing sent (no task needs attention): {units}"),
    "mail-unassigned": (
        "{count} nhiệm vụ cần chú ý không có đơn vị chủ trì nên không gửi cho ai: {cells}. Hãy "
        "ghi đơn vị chủ trì cho các nhiệm vụ này.",
        "{count} task[s] needing attention have no lead unit and went to nobody: {cells}. Name "
        "a lead unit for them.",
    ),
    "mail-summary-failed": (
        "Gửi thư không trọn vẹn: {sent}/{total} thư tới đủ mọi người nhận; chưa tới: {not_sent}.",
        "Sending was incomplete: {sent} of {total} message[s] reached every recipient; not "
        "reached: {not_sent}.",
    ),
    "open-failed": ("Không mở được tệp {path} ({detail}); hãy mở bằng tay.",
                    "Could not open {path} ({detail}); open it by hand."),
    # --- what the commands themselves say ---
    "reading": ("Đang đọc kế hoạch…", "Reading the plan…"),
    "read-progress": ("Đã đọc {done}/{total}: {file}", "Read {done}/{total}: {file}"),
    "summary-written": ("Đã ghi tệp tổng hợp: {path}", "Summary written: {path}"),
    "rollup-written": ("Đã ghi tệp tổng hợp: {path}", "Roll-up written: {path}"),
    "template-written": ("Đã ghi tệp mẫu: {path}", "Template written: {path}"),
    "error": ("Lỗi: {message}", "Error: {message}"),
    "unexpected": (
        "Lỗi không mong đợi: {detail}. Hãy chạy lại với --debug và gửi kết quả cho người hỗ trợ.",
        "Unexpected error: {detail}. Run again with --debug and send the output to support.",
    ),
    # usage errors (exit status 2)
    "usage-needs-send": ("{options} chỉ có tác dụng cùng --send; hãy thêm --send (hoặc bỏ các "
                         "tùy chọn đó).",
                         "{options} only work with --send; add --send (or leave them out)."),
    "usage-send-needs-summary": ("--send cần tệp tổng hợp; hãy bỏ --no-summary.",
                                 "--send needs the summary; leave out --no-summary."),
    "usage-send-needs-recipients": ("--send cần người nhận: --to ĐỊA_CHỈ và/hoặc --per-unit.",
                                    "--send needs recipients: --to ADDRESS and/or --per-unit."),
    "usage-open-needs-summary": ("--open cần tệp tổng hợp; hãy bỏ --no-summary.",
                                 "--open needs the summary; leave out --no-summary."),
    "usage-no-recipient": ("Chưa có người nhận: --to ĐỊA_CHỈ và/hoặc --per-unit.",
                           "No recipient: --to ADDRESS and/or --per-unit."),
}


def screen(key: str, lang: str = "vi", /, **args: Any) -> str:
    """A line the commands print (not a problem): :data:`SCREEN` in ``lang``."""
    return catalogue.say("screen:" + key, lang, **args)


def _unknown(code: str) -> tuple[str, str]:
    return (code + ": {ref}", code + ": {ref}")


# every message in the one catalogue: "msg:<code>", "screen:<key>", "words:<key>"
catalogue.define("msg", MESSAGES, strict=False, show=_show, fallback=_unknown,
                 defaults={"hint_year": "2025",  # the plan year, where the caller knows it
                           "config": "cchc.toml"})
catalogue.define("screen", SCREEN, strict=False, show=_show)
catalogue.define("words", WORDS)
