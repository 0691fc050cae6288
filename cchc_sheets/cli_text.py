"""Every word of the commands' help, both languages, in the one catalogue as ``help:<key>``.

A command's text is ``help:<command>`` (its first line is the command's line in ``cchc --help``);
an option's is ``help:option.<name>`` (``name`` the click parameter's name), or
``help:<command>.<name>`` where one command's option means something else. :mod:`cchc_sheets.cli`
gives click the Vietnamese and shows the help page in the language asked for; what the commands
print is in :mod:`cchc_sheets.messages` (``screen:``).
"""

from __future__ import annotations

from cchc_sheets import catalogue

HELP: dict[str, tuple[str, str]] = {
    # --- the commands ---
    "check": ("Kiểm tra kế hoạch: thời hạn, cập nhật, tiêu chí yếu; ghi tệp tổng hợp.\n\n"
              "Example: cchc check ke-hoach.xlsx --as-of 2025-06-30",
              "Check the plan: deadlines, updates, weak criteria; write the summary workbook.\n\n"
              "Example: cchc check ke-hoach.xlsx --as-of 2025-06-30"),
    "send": ("Gửi tệp tổng hợp qua thư điện tử (mật khẩu lấy từ biến môi trường "
             "CCHC_SMTP_PASSWORD).\n\n"
             "Example: cchc send tong-hop-cchc-2025-06-30.xlsx --to chutich@example.vn",
             "E-mail a summary workbook (the password from the CCHC_SMTP_PASSWORD environment "
             "variable).\n\nExample: cchc send tong-hop-cchc-2025-06-30.xlsx --to "
             "chutich@example.vn"),
    "history": ("Liệt kê các lần kiểm tra đã ghi trong lịch sử của kế hoạch.",
                "List the checks recorded in the plan's check history."),
    "template": ("Ghi tệp kế hoạch mẫu để điền (Hướng dẫn, Tiêu chí, Phân công).",
                 "Write a blank plan to fill in (Hướng dẫn, Tiêu chí, Phân công)."),
    "tong-hop": ("Tổng hợp toàn tỉnh: kế hoạch và tệp tổng hợp của mọi xã, phường vào một sổ "
                 "(cũng gọi được là cchc rollup).\n\n"
                 "Ví dụ: cchc tong-hop thu-muc-cac-xa/ --as-of 2025-06-30",
                 "Province roll-up: every commune's plan or summary in one workbook (also "
                 "cchc rollup).\n\nExample: cchc tong-hop communes-folder/ --as-of 2025-06-30"),
    # only its line in the list of commands: `cchc rollup --help` is the page of tong-hop
    "rollup": ("Tổng hợp toàn tỉnh: kế hoạch và tệp tổng hợp của mọi xã, phường vào một sổ "
               "(như cchc tong-hop).",
               "Province roll-up: every commune's plan or summary in one workbook (the same as "
               "cchc tong-hop)."),
    "doc": ("Cho biết chương trình đọc tệp kế hoạch thế nào (bảng, cột, năm, dòng bỏ qua).\n\n"
            "Nothing is written. Example: cchc doc ke-hoach.xlsx",
            "Say how the plan was read (tables, columns, plan year, rows left out); writes "
            "nothing.\n\nExample: cchc doc ke-hoach.xlsx"),
    # --- the options, by click's name of each ---
    "option.lang": ("Ngôn ngữ thông báo, trợ giúp và tệp tổng hợp (cũng đặt được bằng biến môi "
                    "trường CCHC_LANG).",
                    "Language of messages, help and the summary (also the CCHC_LANG environment "
                    "variable)."),
    "option.debug": ("Hiện traceback khi có lỗi.", "Show a traceback on errors."),
    "option.scores": ("Tệp điểm năm trước (nếu điểm không nằm trong kế hoạch).",
                      "Last year's scores workbook (when the scores are not in the plan)."),
    "option.as_of": ("Ngày kiểm tra (mặc định: hôm nay).", "Day of the check (default: today)."),
    "option.output": ("Tệp tổng hợp .xlsx (mặc định: tong-hop-cchc-<ngày>.xlsx cạnh kế hoạch).",
                      "The summary workbook .xlsx (default: tong-hop-cchc-<date>.xlsx beside the "
                      "plan)."),
    "option.fmt": ("Kết quả trên màn hình: văn bản, hoặc JSON (cchc-check/1) ra đầu ra chuẩn.",
                   "What to print: text, or JSON (schema cchc-check/1) on standard output."),
    "option.config_path": ("Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh kế hoạch).",
                           "The configuration file cchc.toml (default: cchc.toml beside the "
                           "plan)."),
    "option.no_summary": ("Không ghi tệp tổng hợp .xlsx.", "Write no summary workbook."),
    "option.history_path": ("Tệp lịch sử kiểm tra (mặc định: <kế hoạch>.cchc-history.sqlite "
                            "cạnh kế hoạch, hoặc lịch sử của cùng kế hoạch tìm thấy gần đó dưới "
                            "tên khác).",
                            "The check history file (default: <plan>.cchc-history.sqlite beside "
                            "the plan, or the same plan's history found nearby under another "
                            "name)."),
    "option.no_history": ("Không đọc và không ghi lịch sử kiểm tra.",
                          "Neither read nor write the check history."),
    "option.send": ("Gửi tệp tổng hợp qua thư điện tử sau khi kiểm tra (với --to và/hoặc "
                    "--per-unit).",
                    "E-mail the summary after the check (with --to and/or --per-unit)."),
    "option.open_after": ("Mở tệp tổng hợp sau khi ghi (Excel, LibreOffice…).",
                          "Open the summary after writing it (Excel, LibreOffice…)."),
    "option.dry_run": ("Không gửi: ghi thư thành tệp .eml cạnh tệp tổng hợp (thay các tệp .eml "
                       "của lần chạy thử trước với cùng tệp tổng hợp).",
                       "Send nothing: write the messages as .eml files beside the summary "
                       "(replacing those of an earlier dry run of the same summary)."),
    "option.per_unit": ("Gửi mỗi bộ phận chủ trì danh sách việc cần chú ý của mình (địa chỉ "
                        "trong [[units]] của cchc.toml).",
                        "Send each lead unit its own list of tasks needing attention (addresses "
                        "from [[units]] in cchc.toml)."),
    "option.subject": ("Tiêu đề thư (mặc định: ngày kiểm tra và số liệu chính).",
                       "The e-mail subject (default: the check date and the key figures)."),
    "option.cc": ("Đồng gửi tới địa chỉ này (ghi lại tùy chọn cho mỗi địa chỉ).",
                  "Copy to this address (repeat the option for more)."),
    "option.to": ("Gửi tới địa chỉ này (ghi lại tùy chọn cho mỗi địa chỉ: --to a@x.vn --to "
                  "b@x.vn).",
                  "Send to this address (repeat the option for more: --to a@x.vn --to b@x.vn)."),
    "option.force": ("Ghi đè nếu tệp đã có.", "Replace an existing file."),
    # --- an option that means something else in one command ---
    "doc.as_of": ("Ngày dùng làm năm kế hoạch khi tệp không ghi năm (mặc định: hôm nay).",
                  "A day whose year is the plan year when neither cchc.toml nor the file names "
                  "one (default: today)."),
    "doc.fmt": ("Kết quả: văn bản, hoặc JSON (cchc-reading/1) ra đầu ra chuẩn.",
                "What to print: text, or JSON (schema cchc-reading/1) on standard output."),
    "send.config_path": ("Tệp cấu hình cchc.toml (mặc định: cchc.toml cạnh tệp tổng hợp).",
                         "The configuration file cchc.toml (default: cchc.toml beside the "
                         "summary)."),
    "history.history_path": ("Tệp lịch sử (mặc định: <kế hoạch>.cchc-history.sqlite cạnh kế "
                             "hoạch, hoặc lịch sử của cùng kế hoạch tìm thấy gần đó).",
                             "The check history file (default: <plan>.cchc-history.sqlite beside "
                             "the plan, or the same plan's history found nearby under another "
                             "name)."),
    "history.fmt": ("Kết quả: bảng (text) hoặc JSON, mỗi lần kiểm tra đã ghi một đối tượng.",
                    "What to print: a table (text), or JSON: one object per recorded check."),
    "template.output": ("Tệp mẫu sẽ ghi.", "The blank plan to write."),
    "tong-hop.scores": ("Bảng điểm của tỉnh: mỗi xã một dòng.",
                        "The province's score table: a row per commune."),
    "tong-hop.output": ("Tệp tổng hợp .xlsx (mặc định: tong-hop-toan-tinh-<ngày>.xlsx ở thư mục "
                        "hiện tại).",
                        "The roll-up workbook .xlsx (default: tong-hop-toan-tinh-<date>.xlsx in "
                        "the current folder)."),
    "tong-hop.fmt": ("Kết quả trên màn hình: văn bản hoặc JSON.",
                     "What to print: text, or JSON (schema cchc-rollup/1) on standard output."),
    "tong-hop.config_path": ("cchc.toml cho các kế hoạch không có cchc.toml bên cạnh.",
                             "cchc.toml for the plans that have none beside them."),
    "tong-hop.jobs": ("Số tiến trình đọc song song (mặc định: số lõi CPU).",
                      "Processes reading files side by side (default: the number of cores)."),
}


def command_help(command: str, lang: str) -> str:
    """The help page's text of ``command`` in ``lang``."""
    return catalogue.say("help:" + command, lang)


def command_line(command: str, lang: str) -> str | None:
    """The command's line in the list of commands: the first line of its text (None: a
    command whose help is not here, which click shortens itself)."""
    if command not in HELP:
        return None
    return command_help(command, lang).split("\n")[0]


def option_help(command: str, option: str, lang: str) -> str | None:
    """The help of ``option`` (click's name) of ``command`` in ``lang``; None when there is
    none."""
    for key in (f"{command}.{option}", f"option.{option}"):
        if key in HELP:
            return catalogue.say("help:" + key, lang)
    return None


# the help in the one catalogue, as "help:<key>"
catalogue.define("help", HELP)
