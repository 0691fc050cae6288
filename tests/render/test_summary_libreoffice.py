"""The summary as printed: converted to PDF by LibreOffice, read back with poppler-utils.

Officers print the summary (or e-mail it to people who print it): every sheet must come out on
A4 landscape, one page wide, with the table header repeated on each page and the Vietnamese
text intact.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from factories import make_big_result, make_result

from cchc_sheets.render.summary import write_summary

SOFFICE = shutil.which("soffice")
POPPLER = all(shutil.which(tool) for tool in ("pdfinfo", "pdftotext"))
pytestmark = [
    pytest.mark.skipif(SOFFICE is None,
                       reason="LibreOffice (soffice) is not installed: cannot print to PDF"),
    pytest.mark.skipif(not POPPLER,
                       reason="poppler-utils (pdfinfo, pdftotext) are not installed"),
]


def to_pdf(source: Path, workdir: Path) -> Path:
    """``soffice --convert-to pdf`` with a private profile, so that parallel runs don't clash."""
    outdir = workdir / "pdf"
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [str(SOFFICE), f"-env:UserInstallation=file://{workdir / 'lo-profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    pdf = outdir / (source.stem + ".pdf")
    assert pdf.exists(), f"LibreOffice did not write {pdf}"
    return pdf


def info(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True,
                         timeout=60).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def pages_text(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                         capture_output=True, text=True, timeout=60).stdout
    return [unicodedata.normalize("NFC", page) for page in out.split("\f")[:-1]]


@pytest.fixture(scope="module")
def small_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("lo-small")
    return to_pdf(write_summary(make_result(trend=True), work / "tong-hop-cchc.xlsx"), work)


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("lo-long")
    return to_pdf(write_summary(make_big_result(150), work / "tong-hop-dai.xlsx"), work)


def test_one_page_per_sheet_on_a4_landscape(small_pdf: Path) -> None:
    meta = info(small_pdf)
    # 8 sheets of a small plan: each fits on one page (the overview included)
    assert int(meta["Pages"]) == 8
    width, height = (float(x) for x in re.findall(r"[\d.]+", meta["Page size"])[:2])
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points


def test_vietnamese_text_survives_printing(small_pdf: Path) -> None:
    pages = pages_text(small_pdf)
    overview = pages[0]
    assert "TỔNG HỢP TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NÂNG CAO CHỈ SỐ CCHC NĂM 2025" in overview
    assert "Tính đến ngày 30/06/2025 · nguồn: phu-luc-2025.xlsx" in overview
    assert "Trung tâm Phục vụ hành chính công" in overview
    overdue = pages[1]
    assert overdue.startswith("DANH SÁCH NHIỆM VỤ QUÁ HẠN")
    flat = " ".join(overdue.split())
    assert "Kiểm tra công tác cải cách hành chính" in flat
    # the deadline as the officer typed it, wrapped in its cell (the date under "Trước ngày"),
    # and beside it the due date the check read from it, day first
    lines = overdue.splitlines()
    at = next(i for i, line in enumerate(lines) if "Trước ngày" in line)
    column = lines[at].index("Trước ngày")
    assert abs(lines[at + 1].index("15/6/2025") - column) <= 2
    assert lines[at].index("15/06/2025") > column
    assert "31/03/2025" in flat  # dates day first
    assert "Trang 2/8" in flat


def test_formula_like_text_prints_as_typed(small_pdf: Path) -> None:
    flat = " ".join(" ".join(pages_text(small_pdf)).split())
    assert "=Cử công chức" in flat
    assert "@VB 45/UBND" in flat


def test_long_list_repeats_its_header_and_fits_the_width(long_pdf: Path) -> None:
    pages = pages_text(long_pdf)
    all_tasks = [p for p in pages if "Tất cả nhiệm vụ" in p.splitlines()[-1]]
    assert len(all_tasks) >= 3  # 150 tasks run over several pages …
    for page in all_tasks:
        flat = " ".join(page.split())
        # … each with the header row, first column to last: nothing spilled to the right
        assert "Ô nguồn" in flat and "STT" in flat
        assert "Tài liệu kiểm" in flat  # the last column
        assert re.search(r"Trang \d+/\d+", flat)
    assert len(pages) < 40  # one page wide: rows only split downwards


def test_first_page_renders_to_an_image(small_pdf: Path, tmp_path: Path) -> None:
    if not shutil.which("pdftoppm"):
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(small_pdf),
                    str(tmp_path / "page")], check=True, capture_output=True, timeout=60)
    images = list(tmp_path.glob("page*.png"))
    assert len(images) == 1 and images[0].stat().st_size > 10_000
