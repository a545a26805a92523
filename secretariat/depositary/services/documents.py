"""The documents of an act under examination: uploaded, checked and stored, removed again if the
write fails.
"""

from __future__ import annotations

import hashlib
from typing import IO

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from secretariat.core.domain.actors import Actor
from secretariat.core.domain.errors import NotFound, RuleViolation
from secretariat.core.permissions import require
from secretariat.core.writes import Outcome
from secretariat.depositary.domain import documents as domain_documents
from secretariat.depositary.models import Act, ActDocument, ActStatus
from secretariat.journal.services import record as journal


def attach_document(
    actor: Actor, *, act_id: int, upload: IO[bytes], filename: str
) -> tuple[ActDocument, Outcome]:
    """Attach a document (PDF or image) to a pending act: its own delegation or the secretariat.

    Nothing is replaced: a corrected document is a second attachment; the same bytes again are
    "unchanged". If the act was submitted with a signed statement naming `doc_sha256`, only that
    document is accepted.

    The file is written inside the transaction, before the row and the journal entry, and deleted
    again if anything fails up to and including the commit; so a refused or rolled-back attachment
    leaves no file. (Writing it only after the commit would instead risk a committed record whose
    file is missing, which for evidence is the worse failure.)
    """
    written: list[str] = []
    try:
        with transaction.atomic():
            return _attach(actor, act_id, upload, filename, written)
    except BaseException:
        for name in written:
            default_storage.delete(name)
        raise


def _read_upload(upload: IO[bytes]) -> tuple[domain_documents.DocumentType, str, int]:
    limit = int(settings.DOCUMENT_MAX_BYTES)
    declared = getattr(upload, "size", None)
    if isinstance(declared, int) and declared > limit:
        raise RuleViolation(f"the document is larger than {limit} bytes", field="file")
    upload.seek(0)
    digest = hashlib.sha256()
    size = 0
    head = b""
    while chunk := upload.read(64 * 1024):
        if len(head) < domain_documents.HEAD_BYTES:
            head += chunk[: domain_documents.HEAD_BYTES - len(head)]
        size += len(chunk)
        if size > limit:
            raise RuleViolation(f"the document is larger than {limit} bytes", field="file")
        digest.update(chunk)
    if size == 0:
        raise RuleViolation("the document is empty", field="file")
    kind = domain_documents.sniff(head)
    if kind is None:
        raise RuleViolation(
            f"the document must be a {domain_documents.ACCEPTED} file; "
            "its content is none of these",
            field="file",
        )
    upload.seek(0)
    return kind, digest.hexdigest(), size


def _attach(
    actor: Actor, act_id: int, upload: IO[bytes], filename: str, written: list[str]
) -> tuple[ActDocument, Outcome]:
    found = Act.objects.filter(pk=act_id).only("state").first()
    if found is None:
        raise NotFound("No such act.")
    require(actor, "depositary.submit_act", found.state)
    act = Act.objects.select_for_update().get(pk=act_id)
    if act.status != ActStatus.PENDING:
        raise RuleViolation(
            f"documents are attached while the act is being examined; this act is {act.status}",
            field="status",
        )
    kind, sha256, size = _read_upload(upload)
    signed_digest = (act.signed_statement or {}).get("doc_sha256")
    if isinstance(signed_digest, str) and signed_digest.lower() != sha256:
        raise RuleViolation("the signed statement describes another document", field="file")
    existing = ActDocument.objects.filter(act=act, sha256=sha256).first()
    if existing is not None:
        return existing, "unchanged"
    name = f"depositary/acts/{act.pk}/{sha256}.{kind.extension}"
    if default_storage.exists(name):
        # Left by a process that died before its commit: no row refers to it (checked above,
        # under the act's lock), and its name is its content's digest.
        default_storage.delete(name)
    stored = default_storage.save(name, File(upload, name=name))
    written.append(stored)
    document = ActDocument.objects.create(
        act=act,
        file=stored,
        filename=domain_documents.clean_filename(filename),
        content_type=kind.content_type,
        size=size,
        sha256=sha256,
        uploaded_by=actor.username or "",
        uploaded_at=timezone.now(),
    )
    journal(
        actor=actor,
        action="act.document_attached",
        subject=f"act:{act.pk}",
        data={
            "act": act.pk,
            "document": document.pk,
            "sha256": sha256,
            "size": size,
            "content_type": kind.content_type,
        },
    )
    return document, "created"
