"""The station's private key at rest: encrypted under a key-encryption key (KEK) that does
not travel with the database file.

The column station.private_key holds a *sealed key*, a JSON document (UTF-8 bytes):

    {"format": "bioreserve-sealed-key/1", "kek": "file",
     "nonce": "<base64, 12 bytes>", "ciphertext": "<base64>"}

ciphertext is the raw 32-byte Ed25519 private key under AES-256-GCM with the KEK, and with
"bioreserve-sealed-key/1|<origin>|<public key in hex>" as associated data, so that a sealed
key put into another station's row does not open. "kek" says where the KEK lives:

- "dpapi" (Windows): a random KEK protected by Windows' DPAPI for the signed-in user
  (CryptProtectData); the protected blob is in the document as "dpapi". Only that user on
  that computer (or their roaming profile in a domain) can unprotect it.
- "keyring" (Linux with a desktop keyring): a random KEK in the Secret Service (GNOME
  Keyring, KWallet) through the keyring package, service "BioReserve", user
  "station-key-<origin>". Only when keyring finds a real store: air-gapped UOS/Kylin
  machines often have none, and keyring's fail and null backends are never used.
- "file" (otherwise): a random KEK in the file <origin>.kek in the folder keys/ of the
  user's private data folder ($BIORESERVE_KEY_DIR to keep it elsewhere), 0600 in a 0700
  folder: {"format": "bioreserve-kek/1", "origin": "…", "kek": "<base64>"}.
- "passphrase" (when chosen): the KEK is derived from a passphrase with scrypt, whose
  parameters and salt are in the document as "kdf"; nothing is stored. The passphrase
  comes from $BIORESERVE_KEY_PASSPHRASE or, on the CLI, a prompt.

A key backup (`bioreserve station backup-key`) is the raw key under a passphrase, a JSON
file with the station's identity in clear:

    {"format": "bioreserve-key-backup/1", "origin", "code", "name",
     "public_key": "<base64>", "fingerprint", "kdf": {…}, "nonce", "ciphertext"}

A 32-byte value in the column is a raw key from before sealing; station.seal_raw_key
seals it when the database is opened for writing.
"""

import base64
import binascii
import json
import os
import sys
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop import APP_NAME
from desktop.core import json_text, paths, reasons
from desktop.core.errors import BioError
from desktop.core.i18n import tr

SEALED_FORMAT = "bioreserve-sealed-key/1"
BACKUP_FORMAT = "bioreserve-key-backup/1"
KEK_FILE_FORMAT = "bioreserve-kek/1"
METHODS = ("dpapi", "keyring", "file", "passphrase")
KEY_SIZE = 32  # the raw Ed25519 private key, and the AES-256 KEK
PASSPHRASE_ENV = "BIORESERVE_KEY_PASSPHRASE"
KEY_DIR_ENV = "BIORESERVE_KEY_DIR"
KEYRING_SERVICE = APP_NAME
MIN_PASSPHRASE = 8
# scrypt at the cost OWASP recommends (128 MiB, about 0.3 s here): paid once per open
# database (the unlocked key is kept in memory) and once per backup or restore.
SCRYPT = {"n": 2**17, "r": 8, "p": 1}
SCRYPT_LIMITS = {"n": 2**20, "r": 32, "p": 16}  # what a file may ask for (1 GiB at most)


class KeyLocked(BioError):
    """The private key cannot be unlocked here: its KEK is missing or out of reach, or the
    passphrase is missing or wrong. Everything but signing still works."""


def recovery() -> str:
    return tr(
        "Restore the key from its backup with `bioreserve station restore-key FILE`, or "
        "make a new key pair with `bioreserve station new-key` (other stations must then "
        "trust the new key)."
    )


def _locked(cause: str) -> KeyLocked:
    return KeyLocked(cause + " " + recovery())


# ---------------------------------------------------------------- the sealed key


def is_sealed(stored: bytes) -> bool:
    """A sealed key (JSON) rather than a raw key from before sealing."""
    return bytes(stored[:1]) == b"{"


def default_method() -> str:
    """The OS's own protection where there is one, else a key file."""
    if os.name == "nt":
        return "dpapi"
    return "keyring" if keyring_backend() is not None else "file"


def seal(
    raw: bytes,
    origin: str,
    public_key: bytes,
    method: str | None = None,
    passphrase: str | None = None,
) -> bytes:
    """The sealed key document for a raw private key; method None: default_method()."""
    method = method or default_method()
    document: dict[str, Any] = {"format": SEALED_FORMAT, "kek": method}
    if method == "passphrase":
        document["kdf"] = _new_kdf()
        text = _new_passphrase(passphrase, tr("New passphrase for the station's private key"))
        kek = _derive(text, document["kdf"])
    elif method == "dpapi":
        kek = os.urandom(KEY_SIZE)
        document["dpapi"] = _b64(_dpapi(kek, protect=True, entropy=origin.encode()))
    elif method == "keyring":
        kek = _keyring_kek(origin, create=True)
    elif method == "file":
        kek = _file_kek(origin, create=True)
    else:
        raise ValueError(f"unknown key protection {method!r}")
    document.update(_encrypt(kek, raw, _aad(SEALED_FORMAT, origin, public_key)))
    return json.dumps(document).encode("utf-8")


def unseal(stored: bytes, origin: str, public_key: bytes, passphrase: str | None = None) -> bytes:
    """The raw private key from the column's value; KeyLocked names the cause and the fix."""
    if not is_sealed(stored):
        return bytes(stored)  # a raw key from before sealing (a read-only database)
    document = _sealed_document(stored)
    method = document["kek"]
    if method == "passphrase":
        text = passphrase or ask_passphrase(tr("Passphrase of the station's private key"))
        kek = _derive(text, document["kdf"])
    elif method == "dpapi":
        kek = _dpapi(_unb64(document["dpapi"]), protect=False, entropy=origin.encode())
    elif method == "keyring":
        kek = _keyring_kek(origin, create=False)
    else:
        kek = _file_kek(origin, create=False)
    from cryptography.exceptions import InvalidTag

    try:
        return _decrypt(kek, document, _aad(SEALED_FORMAT, origin, public_key))
    except InvalidTag:
        if method == "passphrase":
            raise KeyLocked(
                tr(
                    "The passphrase does not open this station's private key. Check it "
                    "(BIORESERVE_KEY_PASSPHRASE, if set) and try again."
                )
            ) from None
        raise _locked(
            tr(
                "The key-encryption key kept in {kek} does not open this station's private "
                "key (it belongs to another copy of the station, or was replaced).",
                kek=where(method, origin),
            )
        ) from None


def describe(stored: bytes, origin: str) -> dict:
    """Whether the key is encrypted and where its KEK lives, in words (no secret)."""
    if not is_sealed(stored):
        return {
            "encrypted": False,
            "method": None,
            "kek": tr("none: the key is stored unencrypted in the database file"),
        }
    try:
        method = _sealed_document(stored)["kek"]
    except BioError:
        return {
            "encrypted": True,
            "method": None,
            "kek": tr("unknown (a form this BioReserve does not know)"),
        }
    return {"encrypted": True, "method": method, "kek": where(method, origin)}


def where(method: str, origin: str) -> str:
    if method == "dpapi":
        return tr("Windows (DPAPI), for this Windows user on this computer")
    if method == "keyring":
        return tr(
            "the desktop keyring (Secret Service), entry {service}/{entry}",
            service=KEYRING_SERVICE,
            entry=_keyring_entry(origin),
        )
    if method == "passphrase":
        return tr("a passphrase (stored nowhere)")
    return tr("the key file {path}", path=key_file(origin))


def _sealed_document(stored: bytes) -> dict:
    try:
        document = json.loads(bytes(stored).decode("utf-8"))
        if document.get("format") != SEALED_FORMAT or document.get("kek") not in METHODS:
            raise ValueError("format")
        _unb64(document["nonce"]), _unb64(document["ciphertext"])
        if document["kek"] == "passphrase":
            _check_kdf(document["kdf"])
        if document["kek"] == "dpapi":
            _unb64(document["dpapi"])
        return document
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BioError(
            tr(
                "This station's private key is stored in a form this BioReserve does not "
                "know (a newer version, or damage)."
            )
            + " "
            + recovery()
        ) from exc


# ---------------------------------------------------------------- backups


def write_backup(path: Path, raw: bytes, identity: dict, passphrase: str | None = None) -> None:
    """Write the raw key under a passphrase (scrypt, AES-256-GCM) to path, 0600.

    identity: origin, code, name, public_key (bytes), fingerprint."""
    text = _new_passphrase(passphrase, tr("Passphrase for the key backup"))
    kdf = _new_kdf()
    sealed = _encrypt(
        _derive(text, kdf), raw, _aad(BACKUP_FORMAT, identity["origin"], identity["public_key"])
    )
    document = {
        "format": BACKUP_FORMAT,
        "origin": identity["origin"],
        "code": identity["code"],
        "name": identity["name"],
        "public_key": _b64(identity["public_key"]),
        "fingerprint": identity["fingerprint"],
        "kdf": kdf,
        **sealed,
    }
    write_private_text(path, json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def read_backup(path: Path, passphrase: str | None = None) -> tuple[dict, bytes]:
    """A key backup opened with its passphrase: (origin, code, name, public_key, fingerprint),
    raw key."""
    try:
        document = json_text.read(path)
        if not isinstance(document, dict) or document.get("format") != BACKUP_FORMAT:
            raise ValueError("format")
        identity: dict[str, Any] = {
            "origin": str(document["origin"]),
            "code": str(document["code"]),
            "name": str(document["name"]),
            "public_key": _unb64(document["public_key"]),
            "fingerprint": str(document["fingerprint"]),
        }
        _check_kdf(document["kdf"])
    except OSError as exc:
        raise BioError(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    except (ValueError, KeyError, TypeError) as exc:
        raise BioError(
            tr(
                "{path} is not a BioReserve key backup or is damaged (`bioreserve station "
                "backup-key` writes them).",
                path=path,
            )
        ) from exc
    from cryptography.exceptions import InvalidTag

    text = passphrase or ask_passphrase(tr("Passphrase of the key backup {path}", path=path))
    aad = _aad(BACKUP_FORMAT, identity["origin"], identity["public_key"])
    try:
        return identity, _decrypt(_derive(text, document["kdf"]), document, aad)
    except (InvalidTag, ValueError, KeyError, TypeError) as exc:
        raise BioError(
            tr(
                "The passphrase does not open the key backup {path} (or the file was "
                "altered); nothing was changed.",
                path=path,
            )
        ) from exc


def write_private_text(path: Path, text: str) -> None:
    """Write a file only its owner may read, replaced only when complete."""
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    try:
        paths.private_file(temporary).write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc


# ---------------------------------------------------------------- passphrases

# The CLI sets this to ask in the terminal: (question, new) → passphrase, or None.
_prompt: Callable[[str, bool], str | None] | None = None


def set_prompt(ask: Callable[[str, bool], str | None] | None) -> None:
    global _prompt
    _prompt = ask


def ask_passphrase(question: str, new: bool = False) -> str:
    """$BIORESERVE_KEY_PASSPHRASE, else the prompt's answer (new: a new one, which the CLI
    asks twice)."""
    text = os.environ.get(PASSPHRASE_ENV) or None
    if text is None and _prompt is not None:
        text = _prompt(question, new)
    if not text:
        raise KeyLocked(
            tr(
                "A passphrase is needed for this station's private key: set the environment "
                "variable BIORESERVE_KEY_PASSPHRASE, or run the command in a terminal to be "
                "asked for it."
            )
        )
    return unicodedata.normalize("NFC", text)


def _new_passphrase(given: str | None, question: str) -> str:
    """A passphrase to protect with: given, or asked; at least MIN_PASSPHRASE characters."""
    text = given or ask_passphrase(question, new=True)
    if len(text) < MIN_PASSPHRASE:
        raise BioError(tr("A passphrase needs at least {count} characters.", count=MIN_PASSPHRASE))
    return text


def _new_kdf() -> dict:
    return {"name": "scrypt", **SCRYPT, "salt": _b64(os.urandom(16))}


def _check_kdf(kdf: dict) -> None:
    """A file's scrypt parameters, within limits (a crafted file must not take all memory)."""
    if kdf.get("name") != "scrypt":
        raise ValueError("kdf")
    for name, limit in SCRYPT_LIMITS.items():
        if not isinstance(kdf.get(name), int) or not 1 <= kdf[name] <= limit:
            raise ValueError(f"kdf {name}")
    _unb64(kdf["salt"])


def _derive(passphrase: str, kdf: dict) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    _check_kdf(kdf)
    scrypt = Scrypt(salt=_unb64(kdf["salt"]), length=KEY_SIZE, n=kdf["n"], r=kdf["r"], p=kdf["p"])
    return scrypt.derive(unicodedata.normalize("NFC", passphrase).encode("utf-8"))


# ---------------------------------------------------------------- the key file


def key_file(origin: str) -> Path:
    """Where the file method keeps a station's KEK (nothing is created)."""
    configured = os.environ.get(KEY_DIR_ENV)
    folder = Path(configured) if configured else paths.user_data_dir() / "keys"
    return folder / f"{origin}.kek"


def _file_kek(origin: str, create: bool) -> bytes:
    path = key_file(origin)
    try:
        return _read_kek_file(path, origin)
    except FileNotFoundError:
        if not create:
            raise _locked(
                tr(
                    "This station's private key is encrypted, and its key-encryption key is "
                    "not on this computer (it would be the file {path}): the database was "
                    "copied or restored without it. Everything but signing works.",
                    path=path,
                )
            ) from None
    return _create_kek_file(path, origin)


def _read_kek_file(path: Path, origin: str) -> bytes:
    """The KEK in path; FileNotFoundError when there is none."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise KeyLocked(
            tr("Cannot read {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    try:
        document = json.loads(text)
        if document.get("format") != KEK_FILE_FORMAT or document.get("origin") != origin:
            raise ValueError("format")
        return _kek_bytes(document["kek"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise _locked(tr("The key file {path} is damaged.", path=path)) from exc


def _create_kek_file(path: Path, origin: str) -> bytes:
    """A new random KEK in path (0600, in a 0700 folder). A file that exists is never
    replaced: if another process made one meanwhile, that one is used."""
    kek = os.urandom(KEY_SIZE)
    text = json.dumps({"format": KEK_FILE_FORMAT, "origin": origin, "kek": _b64(kek)})
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if path.parent == paths.user_data_dir() / "keys":
            paths.private_data_dir()
        paths.make_private_dir(path.parent)
        with paths.private_file(temporary).open("w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())  # the key must outlive a power cut as the database does
        try:
            os.link(temporary, path)  # unlike a rename, never replaces an existing file
        except FileExistsError:
            return _read_kek_file(path, origin)
        _sync_folder(path.parent)
    except OSError as exc:
        raise BioError(
            tr("Cannot write {path}: {reason}", path=path, reason=reasons.reason(exc))
        ) from exc
    finally:
        temporary.unlink(missing_ok=True)
    return kek


def _sync_folder(folder: Path) -> None:
    if paths.posix_modes():  # a folder cannot be opened for fsync on Windows
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


# ---------------------------------------------------------------- the desktop keyring


def keyring_backend():
    """The desktop keyring to keep KEKs in, or None when there is no real one.

    keyring picks a backend by priority: the Secret Service (GNOME Keyring, KWallet) when
    a session bus offers one, else its fail backend (priority 0), or the null one when
    configured so; a chainer wraps several. Only a store of priority 1 or more is used:
    never fail or null, nor the plain-text files of keyrings.alt (below 1). Not on
    Windows, where DPAPI serves."""
    if os.name == "nt":
        return None
    try:
        import keyring
        from keyring.backends import chainer, fail, null

        backend: Any = keyring.get_keyring()
        if isinstance(backend, chainer.ChainerBackend):
            backend = next(iter(backend.backends), None)  # the one it would write to
        if backend is None or isinstance(backend, fail.Keyring | null.Keyring):
            return None
        return backend if backend.priority >= 1 else None
    except Exception:  # keyring missing, or its discovery failing (no session bus …)
        return None


def _keyring_entry(origin: str) -> str:
    return f"station-key-{origin}"


def _keyring_kek(origin: str, create: bool) -> bytes:
    backend = keyring_backend()
    entry = _keyring_entry(origin)
    if backend is None:
        raise _locked(
            tr(
                "This station's private key is encrypted with a key kept in the desktop "
                "keyring (Secret Service), which cannot be reached here (no keyring in this "
                "session, or on this computer)."
            )
        )
    from keyring.errors import KeyringError

    try:
        text = backend.get_password(KEYRING_SERVICE, entry)
        if text is None and create:
            text = _b64(os.urandom(KEY_SIZE))
            backend.set_password(KEYRING_SERVICE, entry, text)
    except KeyringError as exc:
        raise _locked(
            tr(
                "The desktop keyring did not give the station's key-encryption key: {reason}.",
                reason=reasons.reason(exc),
            )
        ) from exc
    if text is None:
        raise _locked(
            tr(
                "This station's private key is encrypted, and its key-encryption key is not "
                "in this computer's keyring (entry {service}/{entry}): the database was copied "
                "or restored without it. Everything but signing works.",
                service=KEYRING_SERVICE,
                entry=entry,
            )
        )
    try:
        return _kek_bytes(text)
    except (ValueError, TypeError) as exc:
        raise _locked(
            tr(
                "The keyring entry {service}/{entry} is damaged.",
                service=KEYRING_SERVICE,
                entry=entry,
            )
        ) from exc


# ---------------------------------------------------------------- Windows DPAPI

CRYPTPROTECT_UI_FORBIDDEN = 0x1


def _dpapi(data: bytes, protect: bool, entropy: bytes) -> bytes:
    """CryptProtectData (protect) or CryptUnprotectData for the signed-in Windows user.

    Through ctypes, per Microsoft's documented signatures:
        BOOL CryptProtectData(DATA_BLOB *in, LPCWSTR description, DATA_BLOB *entropy,
                              PVOID reserved, CRYPTPROTECT_PROMPTSTRUCT *prompt,
                              DWORD flags, DATA_BLOB *out);
    CryptUnprotectData takes LPWSTR *description instead (we pass NULL to both); out's
    buffer is freed with LocalFree. The tests run on Linux: this function is exercised
    only on Windows (tests/core/test_station_key.py has a test that runs there), and the
    code around it with a stand-in."""
    if sys.platform != "win32":
        raise _locked(
            tr(
                "This station's private key is protected by Windows (DPAPI) for the user who "
                "made it, on the computer where it was made; it cannot be unlocked here."
            )
        )
    import ctypes
    from ctypes import wintypes

    class Blob(ctypes.Structure):
        _fields_ = [("cbData", wintypes.DWORD), ("pbData", ctypes.POINTER(ctypes.c_ubyte))]

    def blob(value: bytes) -> Blob:
        buffer = (ctypes.c_ubyte * len(value)).from_buffer_copy(value)
        return Blob(len(value), ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ubyte)))

    crypt32 = ctypes.WinDLL("crypt32", use_last_error=True)
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    function = crypt32.CryptProtectData if protect else crypt32.CryptUnprotectData
    function.argtypes = [
        ctypes.POINTER(Blob),
        ctypes.c_void_p,
        ctypes.POINTER(Blob),
        ctypes.c_void_p,
        ctypes.c_void_p,
        wintypes.DWORD,
        ctypes.POINTER(Blob),
    ]
    function.restype = wintypes.BOOL
    kernel32.LocalFree.argtypes = [ctypes.c_void_p]
    kernel32.LocalFree.restype = ctypes.c_void_p
    source, salt, result = blob(data), blob(entropy), Blob()
    ok = function(
        ctypes.byref(source),
        None,
        ctypes.byref(salt),
        None,
        None,
        CRYPTPROTECT_UI_FORBIDDEN,
        ctypes.byref(result),
    )
    if not ok:
        reason = ctypes.WinError(ctypes.get_last_error())
        if protect:
            raise BioError(
                tr("Windows could not protect the station's key: {reason}", reason=reason)
            )
        raise _locked(
            tr(
                "Windows could not unlock this station's private key ({reason}): it was "
                "protected for another user or on another computer.",
                reason=reason,
            )
        )
    try:
        return ctypes.string_at(result.pbData, result.cbData)
    finally:
        kernel32.LocalFree(result.pbData)


# ---------------------------------------------------------------- AES-GCM and encodings


def _aad(kind: str, origin: str, public_key: bytes) -> bytes:
    return f"{kind}|{origin}|{public_key.hex()}".encode()


def _encrypt(kek: bytes, plain: bytes, aad: bytes) -> dict:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(12)
    return {"nonce": _b64(nonce), "ciphertext": _b64(AESGCM(kek).encrypt(nonce, plain, aad))}


def _decrypt(kek: bytes, document: dict, aad: bytes) -> bytes:
    """Raises cryptography's InvalidTag when kek or aad is not the one it was sealed with."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce, ciphertext = _unb64(document["nonce"]), _unb64(document["ciphertext"])
    return AESGCM(kek).decrypt(nonce, ciphertext, aad)


def _kek_bytes(text: str) -> bytes:
    kek = _unb64(text)
    if len(kek) != KEY_SIZE:
        raise ValueError("key length")
    return kek


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as exc:
        raise ValueError("base64") from exc
