"""The one place that declares the columns the reader understands, and their usual headers.

Headers are compared after :func:`cchc_sheets.text.fold`: a header matches a field when it equals
one of the field's names or contains one as whole words; the longest match wins. The template,
the reader, the docs and ``cchc.toml`` ``[columns]`` all use this table.
"""

from __future__ import annotations

from typing import NamedTuple

from cchc_sheets.errors import Words
from cchc_sheets.text import contains_words, fold


class Field(NamedTuple):
    name: str  # key used in the code, the JSON and cchc.toml [columns]
    headers: tuple[str, ...]  # usual Vietnamese headers, as officers write them
    vi: str  # label in the summary and the template
    en: str


FIELDS: tuple[Field, ...] = (
    Field("code", ("Mã tiêu chí", "Tiêu chí số", "Mã số", "Mã TC", "Mã", "STT",
                   "Mã số tiêu chí", "Số hiệu tiêu chí"),
          "Mã tiêu chí", "Criterion code"),
    Field("number", ("STT", "TT", "Số TT", "Số thứ tự"), "STT", "No."),
    Field("criterion", ("Tiêu chí", "Tiêu chí thành phần", "Nội dung", "Lĩnh vực",
                        "Lĩnh vực, tiêu chí", "Nội dung đánh giá", "Tên tiêu chí", "Chỉ số",
                        "Yếu tố", "Tên nội dung"),
          "Tiêu chí", "Criterion"),
    Field("max", ("Điểm tối đa", "Điểm chuẩn", "Tối đa", "Điểm tối đa tối đa", "Thang điểm"),
          "Điểm tối đa", "Max points"),
    Field("lost", ("Điểm bị trừ", "Điểm bị mất", "Điểm mất", "Số điểm bị trừ"),
          "Điểm bị trừ", "Points lost"),
    Field("task", ("Nhiệm vụ", "Nhiệm vụ, giải pháp", "Giải pháp", "Nội dung công việc",
                   "Nội dung nhiệm vụ", "Tên nhiệm vụ", "Nhiệm vụ cụ thể", "Nội dung thực hiện",
                   "Giải pháp thực hiện", "Nội dung giải pháp", "Công việc"),
          "Nhiệm vụ, giải pháp", "Task"),
    Field("lead", ("Chủ trì", "Bộ phận chủ trì", "Đơn vị chủ trì", "Cơ quan chủ trì",
                   "Người phụ trách", "Công chức phụ trách", "Phụ trách", "Đơn vị thực hiện",
                   "Bộ phận thực hiện", "Người thực hiện", "Phân công thực hiện",
                   "Cá nhân thực hiện", "Đơn vị/cá nhân thực hiện", "Công chức thực hiện",
                   "Cơ quan thực hiện", "Người chịu trách nhiệm", "Chịu trách nhiệm"),
          "Bộ phận chủ trì", "Lead unit"),
    Field("support", ("Phối hợp", "Bộ phận phối hợp", "Đơn vị phối hợp", "Cơ quan phối hợp"),
          "Bộ phận phối hợp", "Supporting units"),
    Field("deadline", ("Thời gian hoàn thành", "Thời hạn", "Thời gian thực hiện",
                       "Thời hạn hoàn thành", "Hạn hoàn thành", "Hạn", "Thời gian",
                       "Thời điểm hoàn thành"),
          "Thời hạn hoàn thành", "Deadline"),
    Field("status", ("Trạng thái", "Tình trạng", "Tiến độ", "Tình hình thực hiện"),
          "Trạng thái", "Status"),
    Field("progress", ("Tiến độ %", "% hoàn thành", "Tỷ lệ hoàn thành", "Tiến độ (%)", "%"),
          "Tiến độ (%)", "Progress (%)"),
    Field("result", ("Kết quả thực hiện", "Kết quả", "Ghi chú", "Kết quả đạt được"),
          "Kết quả thực hiện", "Result"),
    Field("evidence", ("Sản phẩm", "Tài liệu kiểm chứng", "Minh chứng", "Sản phẩm đầu ra",
                       "Văn bản kiểm chứng"),
          "Tài liệu kiểm chứng", "Evidence"),
    Field("updated", ("Ngày cập nhật", "Cập nhật lần cuối", "Ngày cập nhật cuối",
                      "Thời gian cập nhật", "Cập nhật"),
          "Ngày cập nhật", "Last updated"),
    Field("completed", ("Ngày hoàn thành", "Ngày hoàn thành thực tế", "Hoàn thành ngày",
                        "Thời gian hoàn thành thực tế", "Ngày thực hiện xong",
                        "Thời điểm hoàn thành thực tế"),
          "Ngày hoàn thành", "Completed on"),
)

FIELD_BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}


def field_words(name: str) -> Words:
    """A field as the officer knows it ("Trạng thái" / "Status"), for a message."""
    field = FIELD_BY_NAME[name]
    return Words(field.vi, field.en)

# The fields a table of criteria only is read for (besides its score columns).
CRITERION_FIELDS = frozenset({"code", "number", "criterion", "max", "lost"})

# Words that make a header a score column (contract §7): it names points or a result. A
# header that names another field keeps it even with a year ("Nhiệm vụ, giải pháp duy trì năm
# 2025" is the task, "Thời hạn năm 2025" the deadline); a bare "Năm 2024" is a score.
POINT_WORDS = ("diem", "so diem", "diem so", "tu cham", "tu danh gia", "tham dinh", "phuc tra",
               "cham lai", "ket qua cham", "ket qua danh gia", "ket qua cong bo")
# Official scores beat the self-assessed score of the same year.
APPRAISED_WORDS = ("tham dinh", "phuc tra", "cham lai", "cong bo", "chinh thuc", "dat")
SELF_WORDS = ("tu cham", "tu danh gia")
# Words of a target, not a score: "Điểm phấn đấu năm 2025", "Chỉ tiêu phấn đấu năm 2025".
TARGET_WORDS = ("phan dau", "du kien", "muc tieu", "chi tieu")
# Places and moments, not points: "Thời điểm hoàn thành", "Địa điểm"; how points are given,
# not points: "Hướng dẫn chấm điểm", "Phương pháp chấm điểm", "Cách tính điểm".
NOT_POINT_WORDS = ("thoi diem", "dia diem", "diem den", "huong dan", "phuong phap", "cach cham",
                   "cach tinh", "yeu cau", "mo ta", "can cu cham")

# Row names that mark bonus / penalty lines (counted in totals, never weak criteria).
BONUS_WORDS = ("diem thuong", "diem tru", "diem cong")


def field_names(extra: dict[str, list[str]] | None = None) -> dict[str, list[str]]:
    """Folded header names per field, with ``extra`` names (from ``cchc.toml``) added."""
    names = {f.name: [fold(h) for h in f.headers] for f in FIELDS}
    for key, more in (extra or {}).items():
        names.setdefault(key, []).extend(fold(h) for h in more)
    return names


def match_header(header: str, names: dict[str, list[str]]) -> tuple[list[str], int]:
    """Fields whose names best match a folded ``header``: (fields, length of the match).

    Several fields come back only on a tie; ``([], 0)`` when nothing matches.
    """
    return HeaderMatcher(names).match(header)


class HeaderMatcher:
    """:func:`match_header` for one vocabulary, fast over many cells: a name can only be
    contained as whole words when its first word is a word of the header, so only those names
    are tried; and every header is matched once."""

    def __init__(self, names: dict[str, list[str]]) -> None:
        self.fields = list(names)
        self.by_first_word: dict[str, list[tuple[str, str]]] = {}
        for field_name, options in names.items():
            for option in options:
                if option:
                    self.by_first_word.setdefault(option.split(" ", 1)[0], []).append(
                        (field_name, option))
        self.memo: dict[str, tuple[list[str], int]] = {}

    def match(self, header: str) -> tuple[list[str], int]:
        found = self.memo.get(header)
        if found is None:
            found = self.memo[header] = self._match(header)
        return found

    def _match(self, header: str) -> tuple[list[str], int]:
        lengths: dict[str, int] = {}
        for word in dict.fromkeys(header.split(" ")):
            for field_name, option in self.by_first_word.get(word, ()):
                if contains_words(header, option):
                    # an exact match beats any containment of the same length
                    score = len(option) + (1 if option == header else 0)
                    if score > lengths.get(field_name, 0):
                        lengths[field_name] = score
        best_len = max(lengths.values(), default=0)
        if not best_len:
            return [], 0
        # in the vocabulary's order, as ties are reported
        return [f for f in self.fields if lengths.get(f) == best_len], best_len


class Index(NamedTuple):
    """A scored frame a commune keeps a plan for (contract §7 "Other indexes")."""

    key: str
    words: tuple[str, ...]  # folded words that name it in a plan's title
    vi: str  # what the plan does, for titles: "nâng cao Chỉ số CCHC"
    en: str
    short_en: str  # "CCHC plan check"
    tag: str = "CCHC"  # an e-mail subject's tag: "[CCHC] Văn phòng: 3 nhiệm vụ …"


INDEXES: tuple[Index, ...] = (
    Index("cchc", ("chi so cchc", "chi so cai cach hanh chinh", "cai cach hanh chinh", "cchc",
                   "par index"),
          "nâng cao Chỉ số CCHC", "raise the PAR Index", "CCHC"),
    Index("sipas", ("sipas", "chi so hai long", "muc do hai long"),
          "nâng cao Chỉ số SIPAS", "raise the SIPAS index", "SIPAS", "SIPAS"),
    Index("papi", ("papi",), "nâng cao Chỉ số PAPI", "raise the PAPI index", "PAPI", "PAPI"),
    Index("tcpl", ("tiep can phap luat",), "xây dựng xã đạt chuẩn tiếp cận pháp luật",
          "meet the legal-access standard", "Legal-access", "TCPL"),
    Index("ntm", ("nong thon moi",), "xây dựng nông thôn mới", "build new rural areas",
          "New-rural", "NTM"),
    Index("cds", ("chuyen doi so",), "thực hiện chuyển đổi số", "carry out digital transformation",
          "Digital-transformation", "CĐS"),
)
INDEX_BY_KEY: dict[str, Index] = {i.key: i for i in INDEXES}


def index_of(titles: list[str]) -> str:
    """The index a plan is about: the first one its title lines name ("cchc" when none does);
    in a line naming several ("Chỉ số CCHC và SIPAS"), the one named first."""
    for title in titles:
        folded = fold(title)
        found = [(pos, i.key) for i in INDEXES for w in i.words
                 if (pos := _word_at(folded, w)) >= 0]
        if found:
            return min(found)[1]
    return "cchc"


def _word_at(folded: str, words: str) -> int:
    at = f" {folded} ".find(f" {words} ")
    return at
