"""Signed checkpoints of the journal, in pure Python: C2SP tlog-checkpoint, signed-note, cosignature.

Use this module to write or read the text anyone can hold as proof of what the journal was:

    <origin>
    <tree size>
    <base64 root hash>

    — <key name> base64(4-byte key ID || Ed25519 signature)

(c2sp.org/tlog-checkpoint, c2sp.org/signed-note). Keys are written as in Go's `note` package, so
standard tools read them: a signer key is `PRIVATE+KEY+<name>+<hex key ID>+<base64(type || seed)>`,
a verifier key `<name>+<hex key ID>+<base64(type || public key)>`, the type byte being 0x01 for
the log's Ed25519 key and 0x04 for a witness's timestamped Ed25519 cosignature
(c2sp.org/tlog-cosignature, `cosignature/v1`).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

ED25519 = 0x01
COSIGNATURE_V1 = 0x04
SIGNATURE_DASH = "\u2014 "
MAX_SIGNATURES = 32


class CheckpointError(ValueError):
    """A checkpoint, note or key that is malformed or does not verify."""


def _b64decode(text: str, what: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        raise CheckpointError(f"{what} is not valid base64") from None


def _check_name(name: str) -> None:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise CheckpointError(f"key name {name!r} must be non-empty, without spaces or '+'")


def key_id(name: str, kind: int, public_key: bytes) -> bytes:
    """SHA-256(name || 0x0A || type || public key)[:4], as signed-note recommends."""
    return hashlib.sha256(name.encode() + b"\n" + bytes([kind]) + public_key).digest()[:4]


def _raw_public(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


@dataclass(frozen=True)
class Verifier:
    """A public key that can check one kind of note signature under one name."""

    name: str
    kind: int
    public_key: bytes

    @property
    def key_id(self) -> bytes:
        return key_id(self.name, self.kind, self.public_key)

    @property
    def vkey(self) -> str:
        encoded = base64.b64encode(bytes([self.kind]) + self.public_key).decode()
        return f"{self.name}+{self.key_id.hex()}+{encoded}"

    def check(self, message: bytes, signature: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.public_key).verify(signature, message)
        except (InvalidSignature, ValueError):
            return False
        return True


@dataclass(frozen=True)
class Signer:
    name: str
    kind: int
    seed: bytes

    @classmethod
    def generate(cls, name: str, kind: int = ED25519) -> Signer:
        _check_name(name)
        seed = Ed25519PrivateKey.generate().private_bytes_raw()
        return cls(name, kind, seed)

    @property
    def _private(self) -> Ed25519PrivateKey:
        return Ed25519PrivateKey.from_private_bytes(self.seed)

    @property
    def verifier(self) -> Verifier:
        return Verifier(self.name, self.kind, _raw_public(self._private))

    def sign(self, message: bytes) -> bytes:
        return self._private.sign(message)

    def encode(self) -> str:
        encoded = base64.b64encode(bytes([self.kind]) + self.seed).decode()
        return f"PRIVATE+KEY+{self.name}+{self.verifier.key_id.hex()}+{encoded}"


def parse_signer(text: str) -> Signer:
    parts = text.strip().split("+", 4)  # base64 may hold '+'; names and IDs may not
    if len(parts) != 5 or parts[:2] != ["PRIVATE", "KEY"]:
        raise CheckpointError("a signer key reads PRIVATE+KEY+<name>+<key id>+<key>")
    name, hex_id, encoded = parts[2:]
    _check_name(name)
    raw = _b64decode(encoded, "the signer key")
    if len(raw) != 33 or raw[0] not in (ED25519, COSIGNATURE_V1):
        raise CheckpointError("the signer key is not an Ed25519 key")
    signer = Signer(name, raw[0], raw[1:])
    if signer.verifier.key_id.hex() != hex_id.lower():
        raise CheckpointError("the signer key's ID does not match its key")
    return signer


def parse_verifier(text: str) -> Verifier:
    parts = text.strip().split("+", 2)
    if len(parts) != 3:
        raise CheckpointError("a verifier key reads <name>+<key id>+<key>")
    name, hex_id, encoded = parts
    _check_name(name)
    raw = _b64decode(encoded, "the verifier key")
    if len(raw) != 33 or raw[0] not in (ED25519, COSIGNATURE_V1):
        raise CheckpointError("the verifier key is not an Ed25519 key")
    verifier = Verifier(name, raw[0], raw[1:])
    if verifier.key_id.hex() != hex_id.lower():
        raise CheckpointError("the verifier key's ID does not match its key")
    return verifier


# --- notes ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteSignature:
    name: str
    key_id: bytes
    signature: bytes

    def line(self) -> str:
        encoded = base64.b64encode(self.key_id + self.signature).decode()
        return f"{SIGNATURE_DASH}{self.name} {encoded}\n"


@dataclass(frozen=True)
class Note:
    text: str  # ends with a newline; what the signatures sign
    signatures: tuple[NoteSignature, ...]

    def render(self) -> str:
        return self.text + "\n" + "".join(s.line() for s in self.signatures)

    def signed_by(self, verifier: Verifier) -> NoteSignature | None:
        for signature in self.signatures:
            if signature.name == verifier.name and signature.key_id == verifier.key_id:
                return signature
        return None


def parse_note(note: str) -> Note:
    """Split a signed note into its text and signature lines (signatures are not checked here)."""
    if any(ord(c) < 0x20 and c != "\n" for c in note):
        raise CheckpointError("a signed note may not contain control characters")
    if not note.endswith("\n"):
        raise CheckpointError("a signed note ends with a newline")
    split = note.rfind("\n\n")
    if split < 0:
        raise CheckpointError("a signed note needs a blank line before its signatures")
    text, block = note[: split + 1], note[split + 2 :]
    lines = block.split("\n")[:-1]
    if not lines:
        raise CheckpointError("the note carries no signature")
    if len(lines) > MAX_SIGNATURES:
        raise CheckpointError(f"the note carries more than {MAX_SIGNATURES} signatures")
    signatures = []
    for line in lines:
        if not line.startswith(SIGNATURE_DASH):
            raise CheckpointError(f"not a signature line: {line[:60]!r}")
        name, _, encoded = line[len(SIGNATURE_DASH) :].partition(" ")
        _check_name(name)
        raw = _b64decode(encoded, "a signature")
        if len(raw) < 5:
            raise CheckpointError("a signature is too short")
        signatures.append(NoteSignature(name, raw[:4], raw[4:]))
    return Note(text, tuple(signatures))


def sign_note(text: str, signer: Signer) -> Note:
    if signer.kind != ED25519:
        raise CheckpointError("a note is signed with an Ed25519 (type 0x01) key")
    signature = NoteSignature(signer.name, signer.verifier.key_id, signer.sign(text.encode()))
    return Note(text, (signature,))


def verify_note(note: Note, verifier: Verifier) -> None:
    """The note must carry a signature of `verifier` and it must verify (signed-note rules)."""
    found = note.signed_by(verifier)
    if found is None:
        raise CheckpointError(f"the note is not signed by {verifier.name}")
    if not verifier.check(note.text.encode(), found.signature):
        raise CheckpointError(f"the signature of {verifier.name} does not verify")


# --- checkpoints ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Checkpoint:
    origin: str
    size: int
    root: bytes

    def text(self) -> str:
        return f"{self.origin}\n{self.size}\n{base64.b64encode(self.root).decode()}\n"


def parse_checkpoint_text(text: str) -> Checkpoint:
    lines = text.split("\n")
    if len(lines) < 4 or lines[-1] != "" or any(line == "" for line in lines[:-1]):
        raise CheckpointError("a checkpoint's text is at least three non-empty lines")
    origin, size_line, root_line = lines[0], lines[1], lines[2]
    if not size_line.isascii() or not size_line.isdigit() or size_line != str(int(size_line)):
        raise CheckpointError(f"the tree size {size_line!r} is not a decimal without leading zeros")
    root = _b64decode(root_line, "the root hash")
    if len(root) != 32:
        raise CheckpointError("the root hash is not 32 bytes")
    return Checkpoint(origin, int(size_line), root)


def sign_checkpoint(checkpoint: Checkpoint, signer: Signer) -> str:
    return sign_note(checkpoint.text(), signer).render()


def open_checkpoint(note_text: str, verifier: Verifier) -> tuple[Checkpoint, Note]:
    """Parse a signed checkpoint and check the log's signature on it."""
    note = parse_note(note_text)
    verify_note(note, verifier)
    checkpoint = parse_checkpoint_text(note.text)
    if checkpoint.origin != verifier.name:
        raise CheckpointError(
            f"the checkpoint's origin {checkpoint.origin!r} is not the log's name {verifier.name!r}"
        )
    return checkpoint, note


# --- witness cosignatures (tlog-cosignature, Ed25519 cosignature/v1) ----------------------------


def cosignature_message(note_text: str, timestamp: int) -> bytes:
    return f"cosignature/v1\ntime {timestamp}\n".encode() + note_text.encode()


def cosign(note: Note, signer: Signer, timestamp: int) -> Note:
    """Add a witness's timestamped cosignature to the note (keeping the signatures it had)."""
    if signer.kind != COSIGNATURE_V1:
        raise CheckpointError("a witness cosigns with a cosignature (type 0x04) key")
    if not 0 <= timestamp < 2**63:
        raise CheckpointError("the cosignature time is out of range")
    signature = signer.sign(cosignature_message(note.text, timestamp))
    line = NoteSignature(
        signer.name, signer.verifier.key_id, struct.pack(">Q", timestamp) + signature
    )
    kept = tuple(s for s in note.signatures if s.name != signer.name)
    return Note(note.text, (*kept, line))


def verify_cosignature(note: Note, verifier: Verifier) -> int:
    """Check a witness's cosignature on the note; return the time it was made."""
    found = note.signed_by(verifier)
    if found is None or len(found.signature) != 8 + 64:
        raise CheckpointError(f"the note carries no cosignature of {verifier.name}")
    (timestamp,) = struct.unpack(">Q", found.signature[:8])
    if not verifier.check(cosignature_message(note.text, timestamp), found.signature[8:]):
        raise CheckpointError(f"the cosignature of {verifier.name} does not verify")
    return int(timestamp)
