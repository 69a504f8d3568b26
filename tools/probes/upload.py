"""Checks for probe files that arrive from outside (chat uploads): name, size, type and shape limits.

An upload is judged by its bytes and by the *real* extension of its sanitised name, never by the
path or the MIME type the browser sent:

- ``.csv``/``.jsonl``/``.ndjson`` must decode as UTF-8 (a BOM is fine) and contain no NUL byte
  (binary files renamed to ``.csv`` are refused);
- ``.xlsx`` must be a zip holding the xlsx parts (``[Content_Types].xml``, ``xl/workbook.xml``
  and a worksheet). The declared uncompressed sizes in the zip directory are checked *before*
  anything is inflated; Python's zipfile never inflates an entry past its declared size (it raises
  instead), so a zip bomb is refused without being unpacked;
- anything else is refused.

Every refusal is an `UploadRejected` whose message names the limit. The limits are constants here
so that `.chainlit/config.toml` (the browser-side limits) can be checked against them in a test.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

TEXT_SUFFIXES = (".csv", ".jsonl", ".ndjson")
XLSX_SUFFIXES = (".xlsx",)
ALLOWED_SUFFIXES = TEXT_SUFFIXES + XLSX_SUFFIXES

NAME_MAX_CHARS = 100
"""Longest file name shown back to the person (the extension is kept)."""


@dataclass(frozen=True)
class UploadLimits:
    """What an uploaded probe file may be. The defaults are the chat's limits."""

    max_bytes: int = 5 * 1024 * 1024
    """Size of the file as uploaded."""
    max_files: int = 3
    """Files per message (Chainlit enforces it in the browser; only the first is read as examples)."""
    max_rows: int = 5_000
    """Example rows in one file (the chat probes at most `agent.probing.MAX_ITEMS` of them)."""
    max_cell_chars: int = 20_000
    """Characters in one cell (input, expected, ...)."""
    max_columns: int = 50
    """Columns in the header row (or keys in a JSONL row)."""
    max_output_tokens: int = 4_096
    """The ``max_tokens`` a JSONL ``_meta`` line may ask for (it is paid for on every endpoint)."""
    max_uncompressed_bytes: int = 50 * 1024 * 1024
    """Total declared uncompressed size of an xlsx's zip entries."""
    max_zip_entries: int = 200
    """Entries in an xlsx's zip."""
    max_compression_ratio: int = 200
    """Uncompressed / compressed size of any one xlsx entry (real sheets compress about 5-20x)."""


CHAT_LIMITS = UploadLimits()

CLI_LIMITS = UploadLimits(
    max_bytes=200 * 1024 * 1024,
    max_files=1,
    max_rows=1_000_000,
    max_cell_chars=1_000_000,
    max_columns=500,
    max_output_tokens=65_536,
    max_uncompressed_bytes=2 * 1024 * 1024 * 1024,
    max_zip_entries=5_000,
)
"""The operator's own files on the command line: the same type and content checks, roomier limits."""

FILE_PROBLEMS: dict[str, tuple[str, str, str]] = {
    "type": (
        "不支持这种文件类型",
        "Use a .csv, .jsonl or .xlsx file.",
        "请使用 .csv、.jsonl 或 .xlsx 文件。",
    ),
    "unreadable": (
        "无法读取这个文件",
        "Check that it is a CSV, JSONL or Excel file and try again.",
        "请确认它是 CSV、JSONL 或 Excel 文件，然后重试。",
    ),
    "too_big": (
        "文件太大",
        "Split it into smaller files, or keep the first few hundred examples.",
        "请拆分成较小的文件，或只保留前几百条样例。",
    ),
    "too_many": (
        "行数、列数或单元格长度超出上限",
        "Keep fewer rows and columns, and shorter cells.",
        "请减少行数和列数，并缩短单元格内容。",
    ),
    "empty": (
        "文件是空的",
        "Add a first row naming the columns input and expected, and one example per row below it.",
        "请在第一行写上列名 input 和 expected，下面每行一条样例。",
    ),
    "binary": (
        "这是二进制文件，不是文本表格",
        "Save it as “CSV UTF-8”, JSONL or Excel (.xlsx) and use that file.",
        "请另存为“CSV UTF-8”、JSONL 或 Excel（.xlsx）文件后再上传。",
    ),
    "encoding": (
        "文件不是 UTF-8 编码",
        "In Excel use Save As → “CSV UTF-8”, or upload the .xlsx itself.",
        "请在 Excel 中选择“另存为 → CSV UTF-8”，或直接上传 .xlsx 文件。",
    ),
    "xlsx": (
        "这不是有效的 Excel 工作簿",
        "Open it in Excel and save it as an Excel Workbook (.xlsx) or as “CSV UTF-8”.",
        "请用 Excel 打开，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8”。",
    ),
    "columns": (
        "缺少 input 和 expected 两列",
        "The first row must name the columns input and expected (optional: scorer).",
        "第一行必须写上列名 input 和 expected（可选 scorer）。",
    ),
    "row": (
        "有一行无法使用（内容为空或格式有误）",
        "Fix that row: every row needs an input and an expected answer.",
        "请修改那一行：每行都需要 input 和 expected。",
    ),
    "duplicate": ("文件里有重复的行", "Remove the duplicate rows.", "请删除重复的行。"),
    "max_tokens": (
        "要求的输出长度超出上限",
        "Lower max_tokens in the _meta line.",
        "请调低 _meta 行中的 max_tokens。",
    ),
}
"""Problem code -> (the problem in Chinese, what to do in English, what to do in Chinese)."""


def file_problem(code: str, detail: str, shown: str, lang: str = "en") -> str:
    """One plain line for a file that cannot be used: the file, the problem, and what to do.

    English keeps the precise detail (which row, which limit); Chinese names the problem in Chinese.
    """
    zh_problem, en_advice, zh_advice = FILE_PROBLEMS.get(code, FILE_PROBLEMS["unreadable"])
    if lang == "zh":
        return f"无法使用“{shown}”：{zh_problem}。{zh_advice}"
    detail = plain_detail(detail).removeprefix(f"{shown}: ").rstrip(".")
    return f"I couldn't use “{shown}”: {detail}. {en_advice}"


class UploadRejected(ValueError):
    """The file breaks a limit or is not the type it claims; the message is meant for the person.

    `code` names the kind of problem (a key of `FILE_PROBLEMS`), for the advice and the Chinese text.
    """

    def __init__(self, message: str, code: str = "unreadable") -> None:
        super().__init__(message)
        self.code = code


_ALLOWED_NAME_CHARS = re.compile(r"[^\w .\-]", re.UNICODE)


def display_name(name: str) -> str:
    """A file name safe to show and to judge by: no directories, control, bidi or markup characters.

    Directory parts (``/`` and ``\\``) are dropped, format characters (bidi overrides, zero-width)
    and control characters are removed, anything but letters, digits, space, ``.``, ``-`` and ``_``
    becomes ``_``, leading dots and spaces go, and a long name is cut to `NAME_MAX_CHARS` keeping its
    extension. "evil\\u202ecsv.exe" becomes "evilcsv.exe": judged (and refused) as ``.exe``.
    """
    text = unicodedata.normalize("NFKC", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co", "Cn"))
    text = re.split(r"[/\\]", text)[-1]
    text = _ALLOWED_NAME_CHARS.sub("_", text)
    text = re.sub(r"_{2,}", "_", text).strip().lstrip(". ")
    if len(text) > NAME_MAX_CHARS:
        stem, dot, ext = text.rpartition(".")
        ext = ext[:10] if dot else ""
        keep = NAME_MAX_CHARS - len(ext) - 1 if ext else NAME_MAX_CHARS
        text = f"{stem[:keep]}.{ext}" if ext else text[:keep]
    return text or "upload"


_MARKUP = str.maketrans({"<": "‹", ">": "›", "[": "(", "]": ")", "`": "'"})


def plain_detail(text: str, max_chars: int = 300) -> str:
    """An error detail that may quote the file's content, made safe to show in Markdown or mrkdwn.

    Control and format characters go; ``<``/``>`` (HTML) and ``[``/``]`` (links and images) become
    look-alikes, so a header like ``![x](http://host/steal)`` cannot become an image the page loads.
    """
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs") else ch for ch in text)
    text = " ".join(text.translate(_MARKUP).split())
    return text if len(text) <= max_chars else text[: max_chars - 1] + "…"


def real_suffix(shown: str) -> str:
    """The extension that decides how a file is read: the last one of the sanitised name."""
    return Path(shown).suffix.lower()


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB" if n >= 1024 * 1024 else f"{n:,} bytes"


def check_upload(path: Path, shown: str, limits: UploadLimits = CHAT_LIMITS) -> str:
    """Check an uploaded file's size, extension and content; return its real suffix or raise."""
    suffix = real_suffix(shown)
    if suffix not in ALLOWED_SUFFIXES:
        raise UploadRejected(
            f"unsupported file type {suffix or '(none)'} (use .csv, .jsonl or .xlsx)", code="type"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UploadRejected("the upload could not be read", code="unreadable") from exc
    if size > limits.max_bytes:
        raise UploadRejected(
            f"{size / (1024 * 1024):.1f} MB is over the {_mb(limits.max_bytes)} upload size limit",
            code="too_big",
        )
    if size == 0:
        raise UploadRejected("the file is empty", code="empty")
    if suffix in XLSX_SUFFIXES:
        check_xlsx(path, limits)
    else:
        check_text(path.read_bytes(), suffix)
    return suffix


def check_text(data: bytes, suffix: str) -> str:
    """A CSV/JSONL upload's text: UTF-8 (BOM ok), no NUL bytes; raises UploadRejected otherwise."""
    if b"\x00" in data:
        raise UploadRejected(f"this is a binary file, not {suffix} text", code="binary")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadRejected(
            f"{suffix} files must be UTF-8 text (byte {exc.start} is not UTF-8)", code="encoding"
        ) from None
    controls = sum(1 for ch in text[:100_000] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    if controls > 8:
        raise UploadRejected(f"this looks like a binary file, not {suffix} text", code="binary")
    return text


_XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def check_xlsx(path: Path, limits: UploadLimits = CHAT_LIMITS) -> None:
    """An xlsx must be a zip with the xlsx parts and sane declared sizes (checked before inflating)."""
    if not zipfile.is_zipfile(path):
        raise UploadRejected("this .xlsx is not an Excel workbook (not a zip file)", code="xlsx")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UploadRejected(f"this .xlsx is a damaged zip file ({exc})", code="xlsx") from None
    if len(infos) > limits.max_zip_entries:
        raise UploadRejected(
            f"this .xlsx has {len(infos)} parts, over the limit of {limits.max_zip_entries}", code="xlsx"
        )
    names = {i.filename for i in infos}
    if not all(part in names for part in _XLSX_PARTS) or not any(
        n.startswith("xl/worksheets/") and n.endswith(".xml") for n in names
    ):
        raise UploadRejected(
            "this .xlsx is not an Excel workbook (the workbook or sheet parts are missing)", code="xlsx"
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise UploadRejected(
            f"this .xlsx unpacks to {total / (1024 * 1024):.0f} MB, over the "
            f"{_mb(limits.max_uncompressed_bytes)} uncompressed size limit",
            code="too_big",
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_compression_ratio * max(
            info.compress_size, 1
        ):
            raise UploadRejected(
                f"this .xlsx part {info.filename!r} is compressed over "
                f"{limits.max_compression_ratio}x (compression ratio limit): refused as a possible zip bomb",
                code="too_big",
            )


def check_shape(n_rows: int, n_columns: int, longest_cell: int, limits: UploadLimits = CHAT_LIMITS) -> None:
    """Row, column and cell-length limits of a parsed upload; raises UploadRejected naming the limit."""
    if n_rows > limits.max_rows:
        raise UploadRejected(
            f"{n_rows:,} rows is over the limit of {limits.max_rows:,} examples per file", code="too_many"
        )
    if n_columns > limits.max_columns:
        raise UploadRejected(
            f"{n_columns} columns is over the limit of {limits.max_columns} columns", code="too_many"
        )
    if longest_cell > limits.max_cell_chars:
        raise UploadRejected(
            f"a cell of {longest_cell:,} characters is over the limit of {limits.max_cell_chars:,} "
            "characters per cell",
            code="too_many",
        )
