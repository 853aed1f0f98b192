"""A station's side of the LAN hub (desktop/core/hub.py): push and pull bundles over HTTP.

push = the bundle `sync export` would write for any station, uploaded. pull = every
bundle the hub holds for this station since the last pull, each verified and imported
exactly as a bundle from a USB stick (desktop.sync.bundles.import_): the hub is not
trusted. The last hub id pulled is kept per hub address in the local `meta` table
(`hub.last_id.<url>`); a refused bundle is reported and passed over, so after enrolling
its sender, pull again with from_start=True (bundles already imported change nothing).

Every request is signed with the station's key (hub_auth.py: the hub serves only the
stations its administrator enrolled). An https hub's certificate is verified against the
system's certificate authorities, or a private one's file (ca_file, $BIORESERVE_HUB_CA);
nothing falls back to http and no redirect is followed. A hub that withholds a bundle
only delays it: a station's next bundle carries again what its peers have not
acknowledged.
"""

import hashlib
import http.client
import json
import os
import ssl
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from desktop.core import reasons
from desktop.core.access import policy, roles
from desktop.core.context import Ctx
from desktop.core.errors import BioError
from desktop.core.i18n import tr
from desktop.core.store import station
from desktop.core.store.handle import Database
from desktop.core.store.writepath import transaction
from desktop.sync import bundles, hub_auth
from desktop.sync import keys as sync_keys

TIMEOUT = 30  # seconds per request (connect, and each read)
MAX_PAGES = 10_000  # bounds one pull: 10 000 pages of hub.PAGE bundles
META_PREFIX = "hub.last_id."
CA_ENV = "BIORESERVE_HUB_CA"  # a certificate authority file for an https hub


def normalize_url(url: str) -> str:
    """http(s)://host:port without a trailing slash; anything else is refused."""
    text = url.strip().rstrip("/")
    try:
        parts = urlsplit(text)
    except ValueError as exc:  # http://[::1 (an unclosed bracket) …
        raise BioError(
            tr(
                "{url} is not a hub address ({reason}); give one like http://192.168.1.10:8765.",
                url=url,
                reason=tr("the brackets around its IPv6 address do not match")
                if "IPv6" in str(exc)
                else tr("it is malformed"),
            )
        ) from exc
    try:
        port = parts.port
    except ValueError:  # not a number, or past 65535
        port = _bad_port(parts.netloc)
    if port is not None and not 1 <= port <= 65535:
        raise BioError(
            tr(
                "The port {port} of {url} is not a port number from 1 to 65535.",
                port=port if port >= 0 else parts.netloc.rsplit(":", 1)[-1],
                url=url,
            )
        )
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise BioError(
            tr(
                "{url} is not a hub address; give one like http://192.168.1.10:8765.",
                url=url,
            )
        )
    return text


def _bad_port(netloc: str) -> int:
    """The number after the host's colon when urlsplit refused it as a port (-1: none)."""
    tail = netloc.rsplit("]", 1)[-1].rsplit(":", 1)[-1]
    return int(tail) if tail.isdigit() else -1


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A hub never redirects: a 3xx is an error, never followed (https stays https)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class Hub:
    """One hub as this station reaches it: its address, how requests are signed, and
    the TLS context that checks its certificate (https only)."""

    base: str
    origin: str
    sign: Callable[[bytes], bytes]
    opener: urllib.request.OpenerDirector

    def request(self, target: str, data: bytes | None = None, content_type=None) -> bytes:
        """The body of the answer to a signed request for target (path and query)."""
        url = self.base + target
        method = "POST" if data is not None else "GET"
        request = urllib.request.Request(url, data=data, method=method)
        if content_type:
            request.add_header("Content-Type", content_type)
        headers = hub_auth.sign_request(self.origin, self.sign, method, target, data or b"")
        for name, value in headers.items():
            request.add_header(name, value)
        try:
            with self.opener.open(request, timeout=TIMEOUT) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            raise _answered(url, exc) from exc
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise _unreached(url, reason) from exc
        except http.client.HTTPException as exc:  # an answer that is not HTTP at all
            raise not_a_hub(self.base) from exc

    def json(self, target: str, data: bytes | None = None, content_type=None):
        body = self.request(target, data, content_type)
        try:
            return json.loads(body.decode("utf-8"))
        except ValueError as exc:
            raise not_a_hub(self.base) from exc


def _unreached(url: str, reason) -> BioError:
    """Why a request got no answer, in the user's language (the technical text in the log)."""
    from desktop.core import crashlog

    crashlog.note(f"hub request {url}: {reason!r}")
    if isinstance(reason, ssl.SSLCertVerificationError):
        return BioError(
            tr(
                "The certificate of the hub at {url} cannot be verified: {reason}. "
                "If the hub uses a private certificate authority, give its "
                "certificate with --ca-file or BIORESERVE_HUB_CA.",
                url=url,
                reason=reason.verify_message or reason,
            )
        )
    if isinstance(reason, http.client.RemoteDisconnected):
        reason = tr("the hub closed the connection without answering")
    https = url.startswith("https://")
    if https and (
        isinstance(reason, ssl.SSLError)
        or (isinstance(reason, TimeoutError) and "handshake" in str(reason))
    ):
        return BioError(
            tr(
                "The hub at {url} did not answer as an https server: perhaps it serves "
                "http (try the http:// address) or another program listens on that port.",
                url=url,
            )
        )
    return BioError(
        tr(
            "Cannot reach the hub at {url}: {reason}. Check that `bioreserve sync "
            "serve` runs there, that the address and port are right and that the "
            "network is up.",
            url=url,
            reason=reasons.reason(reason) if isinstance(reason, BaseException) else reason,
        )
    )


def not_a_hub(url: str) -> BioError:
    return BioError(
        tr("The answer of {url} is not a BioReserve hub's; check the address.", url=url)
    )


def _answered(url: str, exc: urllib.error.HTTPError) -> BioError:
    try:
        reason = json.loads(exc.read(4096).decode("utf-8"))["error"]
    except (ValueError, KeyError, TypeError, OSError):
        reason = exc.reason
    text = tr(
        "The hub at {url} answered {status}: {reason}", url=url, status=exc.code, reason=reason
    )
    if exc.code == 401:
        text += "\n" + tr(
            "Ask the hub's administrator to enrol this station (`bioreserve sync hub enrol` "
            "with the file `bioreserve sync export-key` writes), and check that this "
            "computer's clock is right (within 5 minutes)."
        )
    return BioError(text)


def connect(db: Database, url: str, ca_file: str | None = None) -> Hub:
    """The hub at url as this station reaches it: requests signed with the station's key
    (unlocked here: a passphrase is asked for once, before anything is sent), https
    checked against the system's certificate authorities or ca_file (else
    $BIORESERVE_HUB_CA). A redirect is never followed."""
    base = normalize_url(url)
    ca_file = ca_file or os.environ.get(CA_ENV) or None
    https = urlsplit(base).scheme == "https"
    if ca_file and not https:
        raise BioError(
            tr(
                "{url} is not an https address, so no certificate can be checked against "
                "{ca_file}; give the hub's https address.",
                url=base,
                ca_file=ca_file,
            )
        )
    handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
    if https:
        try:
            context = ssl.create_default_context(cafile=ca_file)
        except (OSError, ssl.SSLError) as exc:
            raise BioError(
                tr(
                    "Cannot read the certificate authority file {path}: {reason}",
                    path=ca_file,
                    reason=reasons.reason(exc),
                )
            ) from exc
        handlers.append(urllib.request.HTTPSHandler(context=context))
    own = sync_keys.own(db)
    key = station.private_key(db)
    return Hub(base, own.origin, key.sign, urllib.request.build_opener(*handlers))


def push(
    db: Database,
    url: str,
    ctx: Ctx | None = None,
    for_origin: str | None = None,
    ca_file: str | None = None,
) -> dict:
    """Export a bundle for any station (or for one: for_origin, its origin or code) and
    upload it; returns what the hub answered (the SYNC right; ctx None: the program itself).

    A bundle for any station carries no personal rows (the hub serves it to every client);
    one for a station entitled to the expert roster or the monitoring cohorts carries them,
    and the hub lists it for that station only (sync/entitlement.py)."""
    policy.require(ctx or Ctx.from_os(), roles.SYNC)
    hub = connect(db, url, ca_file)
    base = hub.base
    with tempfile.TemporaryDirectory(prefix="bioreserve-push-") as folder:
        result = bundles.export(db, Path(folder) / "bundle.zip", for_origin, ctx=ctx)
        data = Path(result.path).read_bytes()
    answer = hub.json("/bundles", data, "application/zip")
    try:
        hub_id, stored = int(answer["id"]), bool(answer["stored"])
    except (KeyError, TypeError, ValueError) as exc:
        raise not_a_hub(base) from exc
    return {
        "url": base,
        "id": hub_id,
        "stored": stored,
        "sequence": result.sequence,
        "ops": result.ops,
        "bytes": result.bytes,
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def last_id(db: Database, url: str) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [META_PREFIX + url]).fetchone()
    return int(row[0]) if row else 0


def _set_last_id(db: Database, url: str, value: int) -> None:
    with transaction(db, touches=("meta",)):
        db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [META_PREFIX + url, str(value)],
        )


def _listing(hub: Hub, after: int) -> list[dict]:
    rows = hub.json("/bundles?" + urlencode({"after": after, "for": hub.origin}))
    try:
        return [
            {
                "id": int(r["id"]),
                "sender": str(r["sender"]),
                "sequence": int(r["sequence"]),
                "sha256": str(r["sha256"]),
                "size": int(r["size"]),
            }
            for r in rows
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise not_a_hub(hub.base) from exc


def pull(
    db: Database,
    url: str,
    from_start: bool = False,
    ctx: Ctx | None = None,
    ca_file: str | None = None,
) -> dict:
    """Download and import every bundle for this station the hub received since the last
    pull. Refusals are reported per bundle; an unreachable hub stops the pull (what was
    imported stays, the next pull continues from there). The SYNC right (ctx None: the
    program itself)."""
    policy.require(ctx or Ctx.from_os(), roles.SYNC)
    hub = connect(db, url, ca_file)
    base = hub.base
    after = 0 if from_start else last_id(db, base)
    imported: list[dict] = []
    refused: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="bioreserve-pull-") as folder:
        for _ in range(MAX_PAGES):
            page = [r for r in _listing(hub, after) if r["id"] > after]
            if not page:
                break
            for entry in page:
                data = hub.request(f"/bundles/{entry['id']}")
                path = Path(folder) / f"hub-{entry['id']}.zip"
                path.write_bytes(data)
                try:
                    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
                        raise bundles.BundleRefused(
                            "damaged",
                            tr(
                                "Bundle {id} of the hub arrived damaged (its SHA-256 differs "
                                "from the hub's list); pull again.",
                                id=entry["id"],
                            ),
                        )
                    result = bundles.import_(db, path, ctx)
                    imported.append(
                        {
                            "id": entry["id"],
                            "sender": result.sender,
                            "sequence": result.sequence,
                            "ops": result.ops,
                            "applied": result.applied,
                            "known": result.known,
                            "deferred": result.deferred,
                            "already_imported": result.already_imported,
                            "withheld": result.withheld,
                            "clock_ahead": result.clock_ahead,
                        }
                    )
                except BioError as exc:  # refused, recorded and passed over: never a stop
                    bundles.record_refusal(db, f"{base}/bundles/{entry['id']}", exc, path)
                    refused.append(
                        {
                            "id": entry["id"],
                            "sender": entry["sender"],
                            "sequence": entry["sequence"],
                            "cause": getattr(exc, "cause", "refused"),
                            "message": str(exc),
                        }
                    )
                finally:
                    path.unlink(missing_ok=True)
                after = entry["id"]
                _set_last_id(db, base, after)
    return {
        "url": base,
        "last_id": after,
        "received": len(imported) + len(refused),
        "applied": sum(r["applied"] for r in imported),
        "deferred": sum(r["deferred"] for r in imported),
        "imported": imported,
        "refused": refused,
    }
