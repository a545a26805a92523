"""Compressed responses: brotli for clients that ask for it, gzip for the others.

Pages, API answers, exports and feeds are text that shrinks five- to tenfold. Static files are not
handled here: whitenoise serves them precompressed. Django's GZipMiddleware does the gzip part
(with its BREACH mitigation: random bytes in the gzip header; CSRF tokens are masked anew on each
response); this adds brotli in front of it and limits both to text types, since images and
documents are compressed already.

HTTP_COMPRESSION=false turns it off (a proxy in front that compresses, or the benchmark's
baseline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase, StreamingHttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_vary_headers

COMPRESSIBLE = re.compile(
    r"^(text/|application/(json|problem\+json|xml|atom\+xml|javascript|schema\+json)|image/svg\+xml)"
)
# Quality 5 compresses about as fast as gzip level 6 and still better; 11 is for files at rest.
BROTLI_QUALITY = 5
MINIMUM_BYTES = 200


def accepts_brotli(accept_encoding: str) -> bool:
    """Whether `br` is listed with a non-zero q-value (RFC 9110 §12.5.3)."""
    for item in accept_encoding.lower().split(","):
        name, _, params = item.partition(";")
        if name.strip() != "br":
            continue
        quality = params.strip().removeprefix("q=").strip() if params.strip() else "1"
        try:
            return float(quality) > 0
        except ValueError:
            return False
    return False


def _brotli_stream(chunks: Iterator[bytes]) -> Iterator[bytes]:
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        out = compressor.process(chunk)
        if out:
            yield out
    yield compressor.finish()


class CompressionMiddleware(GZipMiddleware):
    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not settings.HTTP_COMPRESSION or response.has_header("Content-Encoding"):
            return response
        if not COMPRESSIBLE.match(response.get("Content-Type", "")):
            return response
        if not accepts_brotli(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            return super().process_response(request, response)
        if isinstance(response, StreamingHttpResponse):
            if response.is_async:
                return response  # none of ours; left uncompressed rather than buffered
            response.streaming_content = _brotli_stream(iter(response.streaming_content))  # type: ignore[arg-type]
            del response.headers["Content-Length"]
        else:
            body = response.content  # type: ignore[attr-defined]
            if len(body) < MINIMUM_BYTES:
                return response
            compressed = brotli.compress(body, quality=BROTLI_QUALITY)
            if len(compressed) >= len(body):
                return response
            response.content = compressed  # type: ignore[attr-defined]
            response.headers["Content-Length"] = str(len(compressed))
        patch_vary_headers(response, ("Accept-Encoding",))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag  # the bytes differ from the identity ones
        response.headers["Content-Encoding"] = "br"
        return response
