"""The compiled screening kernel: which modules it is, whether this process runs it, and the guard
that keeps a kernel built from older sources from running.

`setup.py` compiles the modules in `KERNEL_MODULES` with mypyc when the machine can (a C compiler
and Python's headers), into one group whose shared library is `kernel__mypyc`; it records the
digest of the sources it compiled in `kernel-sources.sha256`. The compiled modules follow the same
code, so they give the same results, about twice as fast; without a compiler the sources run.

SECRETARIAT_SCREENING_SOURCES=1 in the environment runs the sources whatever was built: to profile
the engine (a profiler does not see inside compiled functions) or to compare the two builds
(`bench/screening_benchmark.py --sources`).

An editable install puts the compiled modules beside their sources, and Python prefers them: after
an edit, the old rules would run until the next build. `guard()` (called by the package on import)
compares the recorded digest with the sources' and, when they differ, has every kernel module
load from its source instead, with a warning. All of them or none: compiled modules call each
other's classes natively, so a compiled module must never meet a pure one of the same group.

This file is read by `setup.py` by its path, before the package is importable: it imports nothing
of the project and is not compiled itself.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import sys
import warnings
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PACKAGE = "secretariat.entrybans.screening"
KERNEL_MODULES = ("translit", "normalize", "names", "records", "score", "index")
GROUP = "kernel"  # the shared library is `kernel__mypyc`, inside this package
DIGEST_FILE = "kernel-sources.sha256"
SOURCES_SWITCH = "SECRETARIAT_SCREENING_SOURCES"
HERE = Path(__file__).resolve().parent


def source_digest(folder: Path = HERE) -> str:
    """SHA-256 over the kernel's sources, module by module, in a fixed order."""
    digest = hashlib.sha256()
    for module in KERNEL_MODULES:
        digest.update(module.encode() + b"\0")
        digest.update((folder / f"{module}.py").read_bytes())
    return digest.hexdigest()


def compiled_files(folder: Path = HERE) -> list[Path]:
    """The compiled kernel's files present in the folder (none on a pure install)."""
    return [
        folder / f"{name}{suffix}"
        for name in (*KERNEL_MODULES, f"{GROUP}__mypyc")
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        if (folder / f"{name}{suffix}").exists()
    ]


def is_current(folder: Path = HERE) -> bool:
    """Is a compiled kernel present, complete and built from the sources as they are now?"""
    found = {path.name.split(".")[0] for path in compiled_files(folder)}
    if found != {*KERNEL_MODULES, f"{GROUP}__mypyc"}:
        return False
    recorded = folder / DIGEST_FILE
    return recorded.exists() and recorded.read_text().strip() == source_digest(folder)


def running() -> str:
    """'compiled' when this process's screening modules are the compiled kernel, else 'source'."""
    module = sys.modules.get(f"{PACKAGE}.score")
    if module is None:
        module = importlib.import_module(f"{PACKAGE}.score")
    loaded = getattr(module, "__file__", "") or ""
    return "compiled" if not loaded.endswith(".py") else "source"


class _SourcesFirst:
    """A meta-path finder that loads the kernel's modules from their .py files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names = {f"{PACKAGE}.{module}": module for module in KERNEL_MODULES}

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        module = self.names.get(fullname)
        if module is None:
            return None
        source = str(self.folder / f"{module}.py")
        loader = importlib.machinery.SourceFileLoader(fullname, source)
        return importlib.util.spec_from_file_location(fullname, source, loader=loader)


def guard(folder: Path = HERE) -> None:
    """Run the sources rather than a compiled kernel that is stale or incomplete, or when asked
    to (see above)."""
    if not compiled_files(folder):
        return
    if any(isinstance(finder, _SourcesFirst) for finder in sys.meta_path):
        return
    if os.environ.get(SOURCES_SWITCH):
        sys.meta_path.insert(0, _SourcesFirst(folder))
        return
    if is_current(folder):
        return
    warnings.warn(
        "the compiled screening kernel was not built from the current sources: screening runs "
        "the sources (same results, slower) until `make install` rebuilds it",
        RuntimeWarning,
        stacklevel=2,
    )
    sys.meta_path.insert(0, _SourcesFirst(folder))
