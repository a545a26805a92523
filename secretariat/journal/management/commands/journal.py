"""`secretariat journal verify|head|checkpoint|witness`: check, publish and witness the journal.

`verify` exits 0 when every entry holds and 1 naming the first bad sequence number otherwise, so it
can run from cron or CI and be trusted by anyone holding a copy of the database; with
`--against CHECKPOINT_FILE` it also fails when the journal no longer extends a checkpoint someone
kept (a truncated or forked history). `checkpoint` prints the signed checkpoint (or, with `--vkey`,
the log's public key). `witness` is what a member state runs: it cosigns a checkpoint only after
checking that it extends the last one it cosigned.
"""

from __future__ import annotations

import json
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from secretariat.core.domain.errors import DomainError
from secretariat.journal.checkpoints import current_checkpoint, log_verifier, verify_against
from secretariat.journal.domain.checkpoint import COSIGNATURE_V1, CheckpointError
from secretariat.journal.domain.witness import (
    WitnessRefusal,
    cosign_checkpoint,
    load_or_create_signer,
)
from secretariat.journal.selectors import journal_head, verify_journal

FETCH_TIMEOUT_SECONDS = 30


def read_source(location: str) -> str:
    """The text at an http(s) URL or in a file."""
    if location.startswith(("http://", "https://")):
        with urllib.request.urlopen(location, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310 - the scheme is checked above
            return str(response.read().decode("utf-8"))
    return Path(location).read_text(encoding="utf-8")


def consistency_source(checkpoint_location: str, proof_location: str | None) -> Any:
    """Where the witness gets its consistency proof: a given file or URL, or the log's API next to
    the checkpoint URL (…/checkpoint → …/proof/consistency?first=&second=)."""

    def proof_between(first: int, second: int) -> list[bytes]:
        if proof_location is not None:
            location = proof_location
        elif checkpoint_location.startswith(("http://", "https://")) and checkpoint_location.rstrip(
            "/"
        ).endswith("/checkpoint"):
            base = checkpoint_location.rstrip("/").removesuffix("/checkpoint")
            query = urllib.parse.urlencode({"first": first, "second": second})
            location = f"{base}/proof/consistency?{query}"
        else:
            raise WitnessRefusal(
                "the checkpoint comes from a file: give --proof with the consistency proof "
                f"from size {first} to {second}"
            )
        body = json.loads(read_source(location))
        if body.get("first") != first or body.get("second") != second:
            raise WitnessRefusal(
                f"the proof given is between sizes {body.get('first')} and {body.get('second')}, "
                f"not {first} and {second}"
            )
        return [bytes.fromhex(item) for item in body["proof"]]

    return proof_between


class Command(BaseCommand):
    help = (
        "Journal tools: `verify` recomputes the hash chain (and checks it against a checkpoint); "
        "`head` prints size and head hash; `checkpoint` prints the signed checkpoint; `witness` "
        "cosigns a checkpoint that extends the last one cosigned."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="subcommand", required=True)
        verify = sub.add_parser("verify", help="recompute every entry's hash and link")
        verify.add_argument("--json", action="store_true", help="print the result as JSON")
        verify.add_argument(
            "--against",
            metavar="CHECKPOINT_FILE",
            help="also check that the journal extends this signed checkpoint",
        )
        verify.add_argument(
            "--log-key",
            metavar="VKEY",
            help="the log's verifier key (default: this installation's own key)",
        )
        head = sub.add_parser("head", help="print the number of entries and the head hash")
        head.add_argument("--json", action="store_true")
        checkpoint = sub.add_parser("checkpoint", help="print the current signed checkpoint")
        checkpoint.add_argument(
            "--vkey", action="store_true", help="print the log's verifier (public) key instead"
        )
        witness = sub.add_parser(
            "witness", help="cosign a checkpoint after checking it extends the last one cosigned"
        )
        witness.add_argument("--checkpoint", required=True, metavar="URL_OR_FILE")
        witness.add_argument("--state-dir", required=True, metavar="DIR")
        witness.add_argument(
            "--key", required=True, metavar="KEYFILE", help="the witness key (made if missing)"
        )
        witness.add_argument(
            "--name", default="witness.invalid/secretariat", help="the name of a new witness key"
        )
        witness.add_argument(
            "--log-key",
            metavar="VKEY_OR_FILE",
            help="the log's verifier key; required on the first run, then pinned",
        )
        witness.add_argument(
            "--proof",
            metavar="URL_OR_FILE",
            help="the consistency proof (JSON as served at /proof/consistency); by default "
            "fetched from the log next to the checkpoint URL",
        )
        witness.add_argument("--vkey", action="store_true", help="also print the witness's key")

    def handle(self, *args: Any, **options: Any) -> None:
        handler = {
            "head": self.head,
            "verify": self.verify,
            "checkpoint": self.checkpoint,
            "witness": self.witness,
        }[options["subcommand"]]
        handler(options)

    def head(self, options: dict[str, Any]) -> None:
        head = journal_head()
        if options["json"]:
            self.stdout.write(json.dumps(head.__dict__))
        else:
            self.stdout.write(f"{head.size} entries, head {head.head_hash}")

    def verify(self, options: dict[str, Any]) -> None:
        result = verify_journal()
        if options["json"]:
            self.stdout.write(json.dumps(result.__dict__))
        if not result.ok:
            raise CommandError(
                f"journal verification FAILED at entry {result.first_bad_seq}: {result.problem} "
                f"({result.entries_checked} entries before it are intact)"
            )
        if not options["json"]:
            self.stdout.write(
                f"journal OK: {result.entries_checked} entries, head {result.head_hash}"
            )
        if options["against"]:
            try:
                note = Path(options["against"]).read_text(encoding="utf-8")
            except OSError as exc:
                raise CommandError(f"cannot read the checkpoint: {exc}") from None
            against = verify_against(note, options["log_key"])
            if not against.ok:
                raise CommandError(
                    f"journal verification FAILED against the checkpoint: {against.message}"
                )
            if not options["json"]:
                self.stdout.write(f"checkpoint OK: {against.message}")

    def checkpoint(self, options: dict[str, Any]) -> None:
        if options["vkey"]:
            self.stdout.write(log_verifier().vkey)
        else:
            self.stdout.write(current_checkpoint(), ending="")

    def witness(self, options: dict[str, Any]) -> None:
        try:
            signer = load_or_create_signer(Path(options["key"]), options["name"], COSIGNATURE_V1)
            log_key = options["log_key"]
            if log_key and Path(log_key).is_file():
                log_key = Path(log_key).read_text(encoding="utf-8").strip()
            note = read_source(options["checkpoint"])
            result = cosign_checkpoint(
                state_dir=Path(options["state_dir"]),
                signer=signer,
                log_key=log_key,
                note_text=note,
                proof_between=consistency_source(options["checkpoint"], options["proof"]),
                now=int(time.time()),
            )
        except WitnessRefusal as exc:
            raise CommandError(f"witness REFUSED to cosign: {exc}") from None
        except (CheckpointError, DomainError, OSError, ValueError, KeyError) as exc:
            raise CommandError(f"witness could not run: {exc}") from None
        if options["vkey"]:
            self.stderr.write(f"witness key: {signer.verifier.vkey}")
        self.stdout.write(result.note, ending="")
