"""What the hub reads of a bundle: the manifest fields it indexes (sender, sequence, to).

The hub is untrusted transport: it checks only that a body is a bundle zip with a
readable manifest, never a signature (the receiving station verifies each bundle as it
does one from a USB stick).
"""

import io
import json
import zipfile
import zlib

from desktop.core.i18n import tr
from desktop.sync.bundles import FORMAT, MANIFEST, OPS

MAX_MANIFEST_BYTES = 1024 * 1024


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
            or len(origin) > 200
            or not isinstance(sequence, int)
            or not 0 <= sequence < 2**63
            or not (to is None or (isinstance(to, str) and len(to) <= 200))
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
