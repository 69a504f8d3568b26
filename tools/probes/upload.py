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


class UploadRejected(ValueError):
    """The file breaks a limit or is not the type it claims; the message is meant for the person."""


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
        raise UploadRejected(f"unsupported file type {suffix or '(none)'} (use .csv, .jsonl or .xlsx)")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UploadRejected("the upload could not be read") from exc
    if size > limits.max_bytes:
        raise UploadRejected(
            f"{size / (1024 * 1024):.1f} MB is over the {_mb(limits.max_bytes)} upload size limit"
        )
    if size == 0:
        raise UploadRejected("the file is empty")
    if suffix in XLSX_SUFFIXES:
        check_xlsx(path, limits)
    else:
        check_text(path.read_bytes(), suffix)
    return suffix


def check_text(data: bytes, suffix: str) -> str:
    """A CSV/JSONL upload's text: UTF-8 (BOM ok), no NUL bytes; raises UploadRejected otherwise."""
    if b"\x00" in data:
        raise UploadRejected(f"this is a binary file, not {suffix} text (it contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UploadRejected(
            f"{suffix} files must be UTF-8 text (byte {exc.start} is not UTF-8); save it as UTF-8 CSV"
        ) from None
    controls = sum(1 for ch in text[:100_000] if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t")
    if controls > 8:
        raise UploadRejected(f"this looks like a binary file, not {suffix} text ({controls} control characters)")
    return text


_XLSX_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def check_xlsx(path: Path, limits: UploadLimits = CHAT_LIMITS) -> None:
    """An xlsx must be a zip with the xlsx parts and sane declared sizes (checked before inflating)."""
    if not zipfile.is_zipfile(path):
        raise UploadRejected("this .xlsx is not an Excel workbook (not a zip file)")
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError) as exc:
        raise UploadRejected(f"this .xlsx is a damaged zip file ({exc})") from None
    if len(infos) > limits.max_zip_entries:
        raise UploadRejected(f"this .xlsx has {len(infos)} parts, over the limit of {limits.max_zip_entries}")
    names = {i.filename for i in infos}
    if not all(part in names for part in _XLSX_PARTS) or not any(
        n.startswith("xl/worksheets/") and n.endswith(".xml") for n in names
    ):
        raise UploadRejected("this .xlsx is not an Excel workbook (the workbook or sheet parts are missing)")
    total = sum(i.file_size for i in infos)
    if total > limits.max_uncompressed_bytes:
        raise UploadRejected(
            f"this .xlsx unpacks to {total / (1024 * 1024):.0f} MB, over the "
            f"{_mb(limits.max_uncompressed_bytes)} uncompressed size limit"
        )
    for info in infos:
        if info.file_size > 1024 * 1024 and info.file_size > limits.max_compression_ratio * max(
            info.compress_size, 1
        ):
            raise UploadRejected(
                f"this .xlsx part {info.filename!r} is compressed over "
                f"{limits.max_compression_ratio}x (compression ratio limit): refused as a possible zip bomb"
            )


def check_shape(n_rows: int, n_columns: int, longest_cell: int, limits: UploadLimits = CHAT_LIMITS) -> None:
    """Row, column and cell-length limits of a parsed upload; raises UploadRejected naming the limit."""
    if n_rows > limits.max_rows:
        raise UploadRejected(f"{n_rows:,} rows is over the limit of {limits.max_rows:,} examples per file")
    if n_columns > limits.max_columns:
        raise UploadRejected(f"{n_columns} columns is over the limit of {limits.max_columns} columns")
    if longest_cell > limits.max_cell_chars:
        raise UploadRejected(
            f"a cell of {longest_cell:,} characters is over the limit of {limits.max_cell_chars:,} "
            "characters per cell"
        )
