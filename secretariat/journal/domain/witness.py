"""A member state's witness, in pure Python: cosign a journal checkpoint only if it extends the last.

Use `cosign_checkpoint` from the `journal witness` command (or any script a member state runs on its
own machine): it checks the log's signature, then that the new checkpoint is consistent with the
last one this witness cosigned (a consistency proof from the old size to the new), and only then
adds its timestamped cosignature (c2sp.org/tlog-cosignature) and remembers the new checkpoint.
A smaller size (rollback), a different root for the same size, or a proof that does not hold
(fork) is refused and nothing is signed or stored.

The state directory holds the pinned log key (`log.vkey`) and the last cosigned checkpoint
(`latest.checkpoint`), written atomically. Losing it means the witness must be retired and a new
key made: a witness that forgets what it signed can be led to sign a fork.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from secretariat.journal.domain.checkpoint import (
    COSIGNATURE_V1,
    Checkpoint,
    CheckpointError,
    Signer,
    Verifier,
    cosign,
    open_checkpoint,
    parse_signer,
    parse_verifier,
)
from secretariat.journal.domain.merkle import ProofError, verify_consistency

LATEST = "latest.checkpoint"
LOG_KEY = "log.vkey"

# (old size, new size) -> the consistency proof between them, as raw hashes.
ProofSource = Callable[[int, int], list[bytes]]


class WitnessRefusal(Exception):
    """The witness will not cosign: the checkpoint is forged, rolled back or forked."""


@dataclass(frozen=True)
class Cosigned:
    note: str
    checkpoint: Checkpoint
    previous_size: int | None


def write_private_file(path: Path, content: str) -> None:
    """Create `path` readable only by its owner; refuse to overwrite an existing file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())


def load_or_create_signer(path: Path, name: str, kind: int) -> Signer:
    """The key in `path`, or a new one written there (mode 0600) when the file does not exist."""
    if not path.exists():
        # Another process may make it first: then use theirs.
        with contextlib.suppress(FileExistsError):
            write_private_file(path, Signer.generate(name, kind).encode() + "\n")
    signer = parse_signer(path.read_text())
    if signer.kind != kind:
        raise CheckpointError(f"{path} holds a key of another type")
    return signer


def _replace_atomically(path: Path, content: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w") as handle:
        handle.write(content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


@contextmanager
def _exclusive(state_dir: Path) -> Iterator[None]:
    """One witness run at a time per state directory, so two runs cannot both advance it."""
    with open(state_dir / "lock", "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def pinned_log_key(state_dir: Path, offered: str | None) -> Verifier:
    """The log's verifier key: pinned on the first run, and never silently replaced afterwards."""
    pinned_path = state_dir / LOG_KEY
    if pinned_path.exists():
        pinned = parse_verifier(pinned_path.read_text())
        if offered is not None and parse_verifier(offered) != pinned:
            raise WitnessRefusal(
                "the log key given differs from the one this witness pinned: a new log key "
                "needs a new witness state directory"
            )
        return pinned
    if offered is None:
        raise WitnessRefusal("no log key pinned yet: give the log's verifier key the first time")
    verifier = parse_verifier(offered)
    _replace_atomically(pinned_path, verifier.vkey + "\n")
    return verifier


def cosign_checkpoint(
    *,
    state_dir: Path,
    signer: Signer,
    log_key: str | None,
    note_text: str,
    proof_between: ProofSource,
    now: int,
) -> Cosigned:
    if signer.kind != COSIGNATURE_V1:
        raise WitnessRefusal("the witness key must be a cosignature (type 0x04) key")
    state_dir.mkdir(parents=True, exist_ok=True)
    with _exclusive(state_dir):
        log = pinned_log_key(state_dir, log_key)
        try:
            checkpoint, note = open_checkpoint(note_text, log)
        except CheckpointError as exc:
            raise WitnessRefusal(f"not a valid checkpoint of this log: {exc}") from None
        previous = _previous(state_dir, log)
        if previous is not None:
            _check_extends(previous, checkpoint, proof_between)
        cosigned = cosign(note, signer, now).render()
        _replace_atomically(state_dir / LATEST, cosigned)
    return Cosigned(cosigned, checkpoint, previous.size if previous else None)


def _previous(state_dir: Path, log: Verifier) -> Checkpoint | None:
    path = state_dir / LATEST
    if not path.exists():
        return None
    checkpoint, _ = open_checkpoint(path.read_text(), log)
    return checkpoint


def _check_extends(old: Checkpoint, new: Checkpoint, proof_between: ProofSource) -> None:
    if new.size < old.size:
        raise WitnessRefusal(
            f"rollback: the checkpoint has {new.size} entries, but this witness already "
            f"cosigned {old.size}"
        )
    if new.size == old.size:
        if new.root != old.root:
            raise WitnessRefusal(
                f"fork: a different root for size {new.size} than the one this witness cosigned"
            )
        return
    try:
        proof = [] if old.size == 0 else proof_between(old.size, new.size)
        verify_consistency(old.size, new.size, old.root, new.root, proof)
    except ProofError as exc:
        raise WitnessRefusal(
            f"fork: size {new.size} is not consistent with the cosigned size {old.size} ({exc})"
        ) from None
