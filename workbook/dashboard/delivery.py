"""What the server sends every visitor alike, made once: compressed scripts, compiled templates.

Every dashboard page loads 5–10 MB of JavaScript (Voilà, the widget manager, and on some
pages plotly's renderer or anywidget), and Voilà renders every page from Jinja templates that
it compiles again for each page it serves. For a room of 30 people arriving at once that is
up to 300 MB through the server's single Python thread (and the room's Wi-Fi) and 30
compilations of the same templates. Here a script, style sheet or font is compressed once per
file and version, as the server starts (:meth:`_Compressed.warm`), and kept in memory
(:class:`CompressedFiles`, mixed into Voilà's static file handlers), and compiled templates
are kept in memory for every later page (:func:`install_template_cache`).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import os
import threading
from typing import Iterable

from jinja2 import BytecodeCache

# Text formats worth compressing; images and fonts in woff/woff2 are compressed already.
COMPRESSIBLE = (".js", ".mjs", ".css", ".json", ".map", ".svg", ".html", ".txt", ".ttf", ".otf", ".eot")
SMALLEST = 1024  # bytes: below this the headers weigh more than what compression saves
LARGEST = 64 * 2**20  # bytes: a file this big is sent as it is, never held in memory


def compressible(path: str, size: int) -> bool:
    """Whether a file is sent compressed (by its name and size).

    Examples
    --------
    >>> compressible("static/voila.js", 200_000), compressible("static/logo.png", 200_000)
    (True, False)
    >>> compressible("static/tiny.css", 100)
    False
    """
    return path.lower().endswith(COMPRESSIBLE) and SMALLEST <= size <= LARGEST


def accepts_gzip(accept_encoding: str | None) -> bool:
    """Whether a request's ``Accept-Encoding`` allows a gzip-compressed answer.

    Examples
    --------
    >>> accepts_gzip("gzip, deflate, br, zstd"), accepts_gzip("br"), accepts_gzip(None)
    (True, False, False)
    >>> accepts_gzip("gzip;q=0, deflate")
    False
    """
    for coding in (accept_encoding or "").split(","):
        name, _, parameters = coding.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = parameters.strip().lower()
            return not (quality.startswith("q=") and float(quality[2:] or 0) == 0)
    return False


class _Compressed:
    """Files compressed once per path, modification time and size (so an upgraded package's
    new file is compressed again), shared by every handler of the server."""

    def __init__(self) -> None:
        self._files: dict[tuple[str, int, int], bytes] = {}
        self._lock = threading.Lock()

    def get(self, path: str) -> bytes:
        status = os.stat(path)
        key = (path, status.st_mtime_ns, status.st_size)
        with self._lock:
            if key in self._files:
                return self._files[key]
        with open(path, "rb") as file:
            # mtime=0: the same file gives the same bytes, whenever it is compressed.
            compressed = gzip.compress(file.read(), compresslevel=6, mtime=0)
        with self._lock:
            for stale in [old for old in self._files if old[0] == path]:
                del self._files[stale]
            self._files[key] = compressed
        return compressed

    def warm(self, folders: Iterable[str | os.PathLike]) -> int:
        """Compress every file under ``folders`` that would be sent compressed, ahead of the
        first visitor (who would otherwise wait for it, about 0.5 CPU s for a page's scripts);
        the number of files. A folder that does not exist is skipped."""
        count = 0
        for folder in folders:
            for root, _dirs, files in os.walk(folder):
                for name in files:
                    path = os.path.join(root, name)
                    if compressible(path, os.path.getsize(path)):
                        self.get(path)
                        count += 1
        return count


COMPRESSED = _Compressed()


class CompressedFiles:
    """Mixed into a :class:`tornado.web.StaticFileHandler`: a text file is sent gzip-compressed,
    from memory, to a browser that accepts it (every browser does); a request for a range of
    bytes, a small or binary file, or a client that does not accept gzip gets the file as it
    is."""

    _compressed: bytes | None = None

    def set_headers(self) -> None:
        # Decided first: the ETag set with the headers tells the compressed answer apart.
        if (accepts_gzip(self.request.headers.get("Accept-Encoding")) and "Range" not in self.request.headers
                and compressible(self.absolute_path, self.get_content_size())):  # the file's size, stat once
            self._compressed = COMPRESSED.get(self.absolute_path)
        super().set_headers()
        self.set_header("Vary", "Accept-Encoding")
        if self._compressed is not None:
            self.set_header("Content-Encoding", "gzip")

    def compute_etag(self) -> str | None:
        etag = super().compute_etag()
        # The compressed answer is another representation: it may not share the plain one's tag.
        return etag[:-1] + '-gzip"' if etag and self._compressed is not None else etag

    def get_content_size(self) -> int:
        return len(self._compressed) if self._compressed is not None else super().get_content_size()

    def get_content(self, abspath: str, start: int | None = None, end: int | None = None):
        if self._compressed is not None:
            return self._compressed[start:end]
        return super().get_content(abspath, start, end)

    @classmethod
    def get_content_version(cls, abspath: str) -> str:
        # Tornado's hashes what the class method get_content reads; here get_content answers
        # one request (it would be called without one), so the file itself is hashed, as there.
        # Without a version a file has no ETag, and a browser's revalidation is answered in full.
        if os.path.getsize(abspath) > LARGEST:
            raise ValueError(f"larger than {LARGEST} bytes: not hashed")
        with open(abspath, "rb") as file:
            return hashlib.file_digest(file, "sha512").hexdigest()


class TemplateCache(BytecodeCache):
    """Compiled templates in memory, apart for async and plain environments (their code
    differs). Jinja checks each template's source against the one compiled."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get_bucket(self, environment, name, filename, source):
        bucket = super().get_bucket(environment, name, filename, source)
        bucket.key = f"{bucket.key}:{'async' if environment.is_async else 'plain'}"
        with self._lock:
            stored = self._code.get(bucket.key)
        if stored is not None:
            bucket.bytecode_from_string(stored)
        return bucket

    def load_bytecode(self, bucket) -> None:
        pass  # done in get_bucket, once the key tells async from plain

    def dump_bytecode(self, bucket) -> None:
        with self._lock:
            self._code[bucket.key] = bucket.bytecode_to_string()


def install_template_cache() -> None:
    """Voilà compiles its page templates in a new Jinja environment for every page it serves;
    from now on each template is compiled once and kept (as long as its source is the same)."""
    from voila.exporter import VoilaExporter

    if getattr(VoilaExporter._create_environment, "template_cache", False):
        return
    create = VoilaExporter._create_environment
    cache = TemplateCache()

    def create_environment(self):
        environment = create(self)
        environment.bytecode_cache = cache
        return environment

    create_environment.template_cache = True
    VoilaExporter._create_environment = create_environment
