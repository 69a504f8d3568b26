"""Uploaded probe files: size, type-by-content, row/cell limits, zip bombs, hostile names.

Real files on disk, read through `agent.probing.read_upload` (what the chat calls) and through a
whole conversation (`Advisor` with the offline brain), and the browser-side limits in
`.chainlit/config.toml` compared with the code's.
"""

from __future__ import annotations

import io
import os
import re
import tomllib
import unicodedata
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from whichmodel.agent.probing import UploadError, read_upload
from whichmodel.agent.service import Advisor, Attachment
from whichmodel.agent.settings import Settings
from whichmodel.tools.probes.upload import CHAT_LIMITS, NAME_MAX_CHARS, UploadLimits, display_name

ROOT = Path(__file__).resolve().parents[2]
GOOD_CSV = "input,expected\nlove it,positive\nhate it,negative\n"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- size, rows, cells -------------------------------------------------------------------------


def test_size_limit_names_the_limit(tmp_path: Path) -> None:
    body = "input,expected\n" + "x" * 100 + ",y\n"
    path = _write(tmp_path, "big.csv", body * (CHAT_LIMITS.max_bytes // len(body) + 10))
    with pytest.raises(UploadError, match=r"over the 5 MB upload size limit"):
        read_upload("big.csv", path)
    small = UploadLimits(max_bytes=1000)
    with pytest.raises(UploadError, match=r"1,000 bytes upload size limit"):
        read_upload("big.csv", path, limits=small)


def test_row_column_and_cell_limits(tmp_path: Path) -> None:
    limits = UploadLimits(max_rows=10, max_cell_chars=50, max_columns=4)
    rows = "".join(f"item {i},label\n" for i in range(11))
    with pytest.raises(UploadError, match=r"11 rows is over the limit of 10 examples per file"):
        read_upload("rows.csv", _write(tmp_path, "rows.csv", "input,expected\n" + rows), limits=limits)
    wide = "input,expected,a,b,c\nx,y,1,2,3\nz,w,1,2,3\n"
    with pytest.raises(UploadError, match=r"5 columns is over the limit of 4 columns"):
        read_upload("wide.csv", _write(tmp_path, "wide.csv", wide), limits=limits)
    long_cell = f"input,expected\n{'a' * 51},y\nok,n\n"
    with pytest.raises(UploadError, match=r"51 characters is over the limit of 50 characters per cell"):
        read_upload("cell.csv", _write(tmp_path, "cell.csv", long_cell), limits=limits)
    jsonl = '{"input": "%s", "expected": "y"}\n{"input": "ok", "expected": "n"}\n' % ("b" * 60)
    with pytest.raises(UploadError, match=r"per cell"):
        read_upload("cell.jsonl", _write(tmp_path, "cell.jsonl", jsonl), limits=limits)
    many = "".join(f'{{"input": "i{i}", "expected": "y"}}\n' for i in range(11))
    with pytest.raises(UploadError, match=r"11 rows"):
        read_upload("rows.jsonl", _write(tmp_path, "rows.jsonl", many), limits=limits)
    sheet = _xlsx([["input", "expected"], *[[f"i{i}", "y"] for i in range(11)]])
    with pytest.raises(UploadError, match=r"11 rows"):
        read_upload("rows.xlsx", _write(tmp_path, "rows.xlsx", sheet), limits=limits)
    meta = '{"_meta": {"max_tokens": 100000}}\n{"input": "a", "expected": "b"}\n'
    with pytest.raises(UploadError, match=r"over the limit of 4096 output tokens"):
        read_upload("meta.jsonl", _write(tmp_path, "meta.jsonl", meta))


def test_csv_field_beyond_the_csv_module_limit_is_a_clear_refusal(tmp_path: Path) -> None:
    path = _write(tmp_path, "huge-field.csv", f'input,expected\n"{"z" * 200_000}",y\n')
    with pytest.raises(UploadError, match=r"not a readable CSV file|per cell"):
        read_upload("huge-field.csv", path)


# --- type by extension and content -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("payload.exe", b"MZ\x90\x00", "unsupported file type .exe"),
        ("notes.txt", b"input,expected\na,b\n", "unsupported file type .txt"),
        ("noext", b"input,expected\na,b\n", "unsupported file type (none)"),
        ("binary.csv", b"input,expected\n\x00\x01\x02,b\n", "binary file"),
        ("latin1.csv", "input,expected\ncafé,b\nthé,c\n".encode("latin-1"), "must be UTF-8"),
        ("elf.jsonl", b"\x7fELF\x02\x01\x01" + bytes(range(1, 30)) * 3, "binary"),
        ("fake.xlsx", GOOD_CSV.encode(), "not a zip file"),
        ("empty.csv", b"", "the file is empty"),
    ],
)
def test_type_is_judged_by_extension_and_content(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _write(tmp_path, "stored.bin", data)
    with pytest.raises(UploadError) as info:
        read_upload(name, path)
    assert message in str(info.value)


def test_zip_that_is_not_a_workbook_is_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "just a zip")
    with pytest.raises(UploadError, match="workbook or sheet parts are missing"):
        read_upload("archive.xlsx", _write(tmp_path, "a.xlsx", buffer.getvalue()))


def test_utf8_with_bom_and_real_xlsx_are_read(tmp_path: Path) -> None:
    bom = read_upload("bom.csv", _write(tmp_path, "bom.csv", b"\xef\xbb\xbf" + GOOD_CSV.encode()))
    assert [(e.input, e.expected) for e in bom.examples] == [("love it", "positive"), ("hate it", "negative")]
    sheet = read_upload("s.xlsx", _write(tmp_path, "s.xlsx", _xlsx([["input", "expected"], ["a", 1], ["b", 2]])))
    assert [(e.input, e.expected) for e in sheet.examples] == [("a", "1"), ("b", "2")]


def test_zip_bomb_xlsx_is_refused_without_inflating_it(tmp_path: Path, figures) -> None:
    """A real workbook whose sheet part is 200 MB of zeros once inflated (about 200 KB on disk)."""
    good = zipfile.ZipFile(io.BytesIO(_xlsx([["input", "expected"], ["a", "b"]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bomb:
        for info in good.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                bomb.writestr(info, good.read(info))
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            chunk = b" " * (1024 * 1024)
            for _ in range(200):
                sheet.write(chunk)
    path = _write(tmp_path, "bomb.xlsx", buffer.getvalue())
    assert path.stat().st_size < CHAT_LIMITS.max_bytes
    with pytest.raises(UploadError, match="uncompressed size limit"):
        read_upload("bomb.xlsx", path)
    # Within the total, one part compressed > 200x is refused too.
    tight = UploadLimits(max_uncompressed_bytes=10**12)
    with pytest.raises(UploadError, match="compression ratio limit"):
        read_upload("bomb.xlsx", path, limits=tight)
    figures.add("uploads", "zip bomb refused (on disk / declared inflated)",
                f"{path.stat().st_size / 1024:.0f} KB / 200 MB")  # fmt: skip


# --- hostile names -----------------------------------------------------------------------------

HOSTILE_NAMES = [
    "../../etc/passwd.csv",
    "/etc/passwd.csv",
    "..\\..\\windows\\system32\\x.csv",
    "nul\x00byte.csv",
    "ctrl\x1b[31m\r\nred.csv",
    "a" * 1000 + ".csv",
    "evil\u202ecsv.exe",
    "report.csv.exe",
    "$(rm -rf ~);`id`|x&.csv",
    "[click](http://127.0.0.1:9/steal)![img](http://127.0.0.1:9/x.png).csv",
    "<img src=x onerror=alert(1)><script>x</script>.csv",
    "**bold** _it_ #h.csv",
    "\u200bzero\u2066width\u2069.csv",
]


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_names_are_sanitised_and_judged_by_their_real_extension(tmp_path: Path, name: str) -> None:
    shown = display_name(name)
    assert shown and len(shown) <= NAME_MAX_CHARS
    assert not re.search(r"[/\\<>\[\]()`$|&;*!#\"']", shown), shown
    assert all(unicodedata.category(ch)[0] != "C" for ch in shown), repr(shown)
    assert not shown.startswith(".")
    path = _write(tmp_path, "stored-by-chainlit", GOOD_CSV)
    if name.endswith(".exe"):
        with pytest.raises(UploadError) as info:
            read_upload(name, path)
        assert "unsupported file type .exe" in str(info.value) and info.value.shown == shown
    else:
        assert shown.endswith(".csv")
        assert read_upload(name, path).name == shown


async def test_hostile_names_in_a_conversation_write_nothing_outside_the_data_folder(tmp_path: Path) -> None:
    """Each hostile name attached in a chat: the reply shows only the sanitised name, and the only
    new files are in the data folder (nothing in the working directory, /etc or beside the upload)."""
    data_dir = tmp_path / "data"
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    stored = _write(uploads, "f3b1c2.csv", GOOD_CSV)
    cwd_before = set(os.listdir(Path.cwd()))
    settings = Settings.load(brain="offline", db_path=data_dir / "chat.sqlite")
    async with Advisor(settings, retriever=None) as advisor:
        for i, name in enumerate(HOSTILE_NAMES):
            reply = await advisor.send(f"t{i}", "", [Attachment(name, stored)])
            shown = display_name(name)
            assert shown in reply.text, (name, reply.text)
            for bad in ("../", "/etc", "<img", "<script", "](http", "\x1b", "\u202e", "\x00", "`id`"):
                assert bad not in reply.text, (name, reply.text)
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and data_dir not in p.parents and p != stored]
    assert outside == []
    assert set(os.listdir(Path.cwd())) == cwd_before
    assert not Path("/etc/passwd.csv").exists()
    assert os.listdir(uploads) == ["f3b1c2.csv"]


async def test_markup_in_file_content_is_not_echoed_as_markup(tmp_path: Path) -> None:
    """An error that quotes the file (its header) cannot turn into a link or image in the chat."""
    hostile = "![x](http://127.0.0.1:9/steal),<img src=http://127.0.0.1:9/i>\na,b\n"
    with pytest.raises(UploadError) as info:
        read_upload("h.csv", _write(tmp_path, "h.csv", hostile))
    text = str(info.value)
    assert "needs 'input' and 'expected' columns" in text
    assert "](" not in text and "<img" not in text and "![" not in text


# --- Chainlit's limits agree with the code -----------------------------------------------------


def test_chainlit_upload_limits_agree_with_the_code() -> None:
    config = tomllib.loads((ROOT / "ui" / "web" / ".chainlit" / "config.toml").read_text(encoding="utf-8"))
    upload = config["features"]["spontaneous_file_upload"]
    assert upload["enabled"] is True
    assert upload["max_size_mb"] * 1024 * 1024 == CHAT_LIMITS.max_bytes
    assert upload["max_files"] == CHAT_LIMITS.max_files
    accepted = {ext for exts in upload["accept"].values() for ext in exts}
    from whichmodel.tools.probes.upload import ALLOWED_SUFFIXES

    assert accepted == set(ALLOWED_SUFFIXES)
    assert all("*" not in mime for mime in upload["accept"])
