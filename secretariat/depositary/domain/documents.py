"""Documents deposited with an act: what kind of file it is, told by its first bytes, never by its
name. Pure Python."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Enough leading bytes to tell every accepted type apart.
HEAD_BYTES = 16


@dataclass(frozen=True)
class DocumentType:
    content_type: str
    extension: str
    label: str


PDF = DocumentType("application/pdf", "pdf", "PDF")
PNG = DocumentType("image/png", "png", "PNG")
JPEG = DocumentType("image/jpeg", "jpg", "JPEG")
TIFF = DocumentType("image/tiff", "tif", "TIFF")
GIF = DocumentType("image/gif", "gif", "GIF")
WEBP = DocumentType("image/webp", "webp", "WebP")

ACCEPTED = "PDF, PNG, JPEG, TIFF, GIF or WebP"

_EXTENSIONS = {
    PDF: {"pdf"},
    PNG: {"png"},
    JPEG: {"jpg", "jpeg"},
    TIFF: {"tif", "tiff"},
    GIF: {"gif"},
    WEBP: {"webp"},
}


def sniff(head: bytes) -> DocumentType | None:
    """The type of a file from its first bytes (at least HEAD_BYTES of them), or None."""
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return TIFF
    if head.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return WEBP
    return None


SHA256_HEX = re.compile(r"^[0-9a-f]{64}$")


def clean_filename(name: str, limit: int = 200) -> str:
    """The last path component of an uploaded file's name, without control characters."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip().strip(".")
    if len(base) > limit:
        stem, dot, ext = base.rpartition(".")
        base = (
            (stem[: limit - len(ext) - 1] + "." + ext) if dot and len(ext) <= 10 else base[:limit]
        )
    return base or "document"


def download_name(filename: str, kind: DocumentType) -> str:
    """The name to save a download under: the original one, with an extension that matches the
    content (a PDF uploaded as "note.html" downloads as "note.html.pdf")."""
    _stem, dot, ext = filename.rpartition(".")
    if dot and ext.lower() in _EXTENSIONS[kind]:
        return filename
    return f"{filename}.{kind.extension}"


def by_content_type(content_type: str) -> DocumentType:
    for kind in _EXTENSIONS:
        if kind.content_type == content_type:
            return kind
    raise KeyError(content_type)
