"""LAN hub: a relay of signed bundles over HTTP, not a station.

Stations push the bundles they would write to a USB stick and pull the ones other
stations pushed. The hub keeps them in its own SQLite file (not a BioReserve database:
no oplog, no keys, its one table is created here):

    bundle(id, sender_origin, sequence, to_origin, sha256 UNIQUE, received_at, data)

Protocol (HTTP/1.1, JSON answers except for bundle bytes):

    POST /bundles                  body = the bundle file; 201 {"id", "sha256", "stored": true}
                                   200 {"id", "sha256", "stored": false} if already held,
                                   400 not a bundle, 411 no length, 413 too large
    GET  /bundles?after=ID&for=ORIGIN
                                   200 [{"id", "sender", "sequence", "sha256", "size"}]:
                                   bundles after ID, not sent by ORIGIN, addressed to ORIGIN
                                   or to nobody, by id, at most PAGE of them
    GET  /bundles/ID               200 the bundle's bytes, 404 if the hub holds no such id

The hub is untrusted transport: it checks only that a body is a bundle zip with a
readable manifest (so that it can index sender and recipient), never a signature. The
receiving station verifies each bundle as it does one from a USB stick (enrolled sender,
signature, hash, hash chains); a hub that alters, forges or replays bundles gets them
refused there, and one that withholds bundles only delays synchronization.
"""

import hashlib
import io
import json
import sqlite3
import threading
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from desktop.core import crashlog, paths, reasons, values
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.sync.bundles import FORMAT, MANIFEST, OPS

MAX_BUNDLE_BYTES = 200 * 1024 * 1024
MAX_MANIFEST_BYTES = 1024 * 1024
PAGE = 100
SOCKET_TIMEOUT = 60  # seconds a connection may stay silent before the hub drops it

SCHEMA = """
CREATE TABLE IF NOT EXISTS bundle (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    sender_origin TEXT NOT NULL,
    sequence      INTEGER NOT NULL,
    to_origin     TEXT,
    sha256        TEXT NOT NULL UNIQUE,
    received_at   TEXT NOT NULL,
    data          BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS bundle_sender ON bundle (sender_origin, id);
"""


class NotABundle(ValueError):
    """A body the hub refuses to store (400)."""


def describe(data: bytes) -> dict:
    """The manifest fields the hub indexes: sender, sequence, to. Raises NotABundle."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if MANIFEST not in names or OPS not in names:
                raise NotABundle(tr("The body is not a BioReserve bundle (no manifest)."))
            if archive.getinfo(MANIFEST).file_size > MAX_MANIFEST_BYTES:
                raise NotABundle(tr("The bundle's manifest is too large."))
            for info in archive.infolist():  # what a station's reader would refuse anyway
                if info.flag_bits & 0x1 or info.compress_type not in (
                    zipfile.ZIP_STORED,
                    zipfile.ZIP_DEFLATED,
                ):
                    raise ValueError("entry")
            manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
        origin = manifest["from"]["origin"]
        sequence = manifest["sequence"]
        to = manifest.get("to")
        if (
            manifest.get("format") != FORMAT
            or not isinstance(origin, str)
            or not origin
            or not isinstance(sequence, int)
            or not (to is None or isinstance(to, str))
        ):
            raise ValueError("manifest")
    except NotABundle:
        raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        ValueError,
        KeyError,
        TypeError,
        RuntimeError,  # an encrypted entry
        NotImplementedError,  # a compression zipfile cannot read
        RecursionError,
    ) as exc:
        raise NotABundle(
            tr("The body is not a complete BioReserve bundle (truncated or damaged).")
        ) from exc
    return {"sender": origin, "sequence": sequence, "to": to}


class Hub:
    """The hub's store: one SQLite file, one connection per call (requests run in threads)."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._write = threading.Lock()
        try:
            # The bundles hold names and telephone numbers: the store is private to its
            # owner (paths.private_database), its -wal and -shm files with it.
            if self.path.parent == paths.user_data_dir():
                paths.private_data_dir()
            paths.make_private_dir(self.path.parent)
            tightened = paths.private_database(self.path, create=True)
            if tightened:
                crashlog.note(
                    tr(
                        "{files}: readable by other users of this computer until now; made "
                        "private to their owner.",
                        files=", ".join(str(file) for file in tightened),
                    )
                )
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.executescript(SCHEMA)
        except OSError as exc:
            raise BioError(
                tr(
                    "Cannot create the folder {folder}: {reason}",
                    folder=self.path.parent,
                    reason=reasons.reason(exc),
                )
            ) from exc
        except sqlite3.Error as exc:
            from desktop.core.store.db import explain

            raise explain(exc, self.path) from exc

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A connection, committed (or rolled back) and closed at the end of the block."""
        conn = sqlite3.connect(str(self.path), timeout=5)
        try:
            with conn:
                yield conn
        finally:
            conn.close()

    def store(self, data: bytes) -> tuple[int, str, bool]:
        """Keep a bundle; returns (id, sha256, stored) — stored is False if already held."""
        fields = describe(data)
        digest = hashlib.sha256(data).hexdigest()
        at = values.now_iso()
        with self._write, self._connect() as conn:
            row = conn.execute("SELECT id FROM bundle WHERE sha256 = ?", [digest]).fetchone()
            if row:
                return row[0], digest, False
            cursor = conn.execute(
                "INSERT INTO bundle (sender_origin, sequence, to_origin, sha256, received_at, "
                "data) VALUES (?, ?, ?, ?, ?, ?)",
                [fields["sender"], fields["sequence"], fields["to"], digest, at, data],
            )
            bundle_id = cursor.lastrowid
            assert bundle_id is not None  # the INSERT just made set it
            return bundle_id, digest, True

    def listing(self, after: int = 0, for_origin: str | None = None, limit: int = PAGE) -> list:
        """Bundles after an id for a station (None: all), oldest first."""
        sql = "SELECT id, sender_origin, sequence, sha256, length(data) FROM bundle WHERE id > ?"
        params: list = [after]
        if for_origin is not None:
            sql += " AND sender_origin != ? AND (to_origin IS NULL OR to_origin = ?)"
            params += [for_origin, for_origin]
        sql += " ORDER BY id LIMIT ?"
        params.append(limit)
        with self._connect() as conn:
            rows = conn.execute(sql, params).fetchall()
        keys = ("id", "sender", "sequence", "sha256", "size")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    def get(self, bundle_id: int) -> bytes | None:
        with self._connect() as conn:
            row = conn.execute("SELECT data FROM bundle WHERE id = ?", [bundle_id]).fetchone()
        return bytes(row[0]) if row else None

    def count(self) -> int:
        with self._connect() as conn:
            return conn.execute("SELECT count(*) FROM bundle").fetchone()[0]


class HubServer(ThreadingHTTPServer):
    """The HTTP server with what Handler reads from it: the hub, and whether to log requests."""

    hub: Hub
    verbose: bool = False


class Handler(BaseHTTPRequestHandler):
    """The three routes; the server carries the Hub (server.hub) and server.verbose."""

    server: HubServer  # make_server's
    server_version = "BioReserveHub/1"
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT

    def log_message(self, format, *args):
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, status: int, data) -> None:
        body = json.dumps(data, ensure_ascii=False).encode("utf-8")
        self._send(status, body, "application/json; charset=utf-8")

    def _error(self, status: int, message: str, close: bool = False) -> None:
        if close:
            self.close_connection = True
        self._json(status, {"error": message})

    def do_POST(self):
        if urlsplit(self.path).path.rstrip("/") != "/bundles":
            return self._error(HTTPStatus.NOT_FOUND, tr("No such address on this hub."), True)
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._error(
                HTTPStatus.LENGTH_REQUIRED, tr("A bundle upload needs a Content-Length."), True
            )
        size = int(length)
        if size > MAX_BUNDLE_BYTES:
            return self._error(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                tr(
                    "The bundle is larger than the hub accepts ({limit} MB).",
                    limit=MAX_BUNDLE_BYTES // (1024 * 1024),
                ),
                True,
            )
        data = self.rfile.read(size)
        if len(data) != size:
            return self._error(
                HTTPStatus.BAD_REQUEST, tr("The upload ended before the whole bundle came."), True
            )
        try:
            bundle_id, digest, stored = self.server.hub.store(data)
        except NotABundle as exc:
            return self._error(HTTPStatus.BAD_REQUEST, str(exc))
        except sqlite3.Error as exc:
            return self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                tr("The hub cannot store the bundle: {reason}", reason=reasons.reason(exc)),
            )
        status = HTTPStatus.CREATED if stored else HTTPStatus.OK
        self._json(status, {"id": bundle_id, "sha256": digest, "stored": stored})

    def do_GET(self):
        parts = urlsplit(self.path)
        route = parts.path.rstrip("/")
        try:
            if route == "/bundles":
                query = parse_qs(parts.query)
                after = query.get("after", ["0"])[-1]
                if not after.isdigit():
                    return self._error(HTTPStatus.BAD_REQUEST, tr("after= must be a bundle id."))
                for_origin = query.get("for", [None])[-1] or None
                return self._json(HTTPStatus.OK, self.server.hub.listing(int(after), for_origin))
            prefix = "/bundles/"
            if route.startswith(prefix) and route[len(prefix) :].isdigit():
                data = self.server.hub.get(int(route[len(prefix) :]))
                if data is None:
                    return self._error(HTTPStatus.NOT_FOUND, tr("The hub holds no such bundle."))
                return self._send(HTTPStatus.OK, data, "application/zip")
        except sqlite3.Error as exc:
            return self._error(
                HTTPStatus.INTERNAL_SERVER_ERROR,
                tr("The hub cannot read its store: {reason}", reason=reasons.reason(exc)),
            )
        self._error(HTTPStatus.NOT_FOUND, tr("No such address on this hub."))


def make_server(hub: Hub, host: str, port: int, verbose: bool = False) -> HubServer:
    """A bound server (port 0: any free port, see server.server_address); not yet serving."""
    try:
        server = HubServer((host, port), Handler)
    except OSError as exc:
        raise BioError(
            tr(
                "The hub cannot listen on {host}:{port}: {reason}. Choose another port or "
                "stop the program that uses it.",
                host=host,
                port=port,
                reason=reasons.reason(exc),
            )
        ) from exc
    server.daemon_threads = True
    server.hub = hub
    server.verbose = verbose
    return server


def address(server: ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    # A TCP socket names its host as str; the type also allows the bytes of other families.
    return f"http://{host!s}:{port}"
