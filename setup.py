"""Build hook: compile the screening kernel with mypyc where the machine can, else install pure.

Everything else about the package is in pyproject.toml. The kernel is the screening modules listed
in `secretariat/entrybans/screening/kernel.py`, compiled as they are written (about twice as fast:
docs/screening.md gives the figures). Without a C compiler or Python's headers, or with
SECRETARIAT_PURE_PYTHON=1, the build says so and the package installs as pure Python, which gives
the same results.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent
SCREENING = ROOT / "secretariat" / "entrybans" / "screening"


def load_kernel_description():  # type: ignore[no-untyped-def]
    """kernel.py, loaded by its path: the package itself is not importable yet."""
    spec = importlib.util.spec_from_file_location("_screening_kernel", SCREENING / "kernel.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


KERNEL = load_kernel_description()


class OptionalKernel(build_ext):
    """Build the kernel, or nothing of it: a shim module without its shared library would fail to
    import, where no compiled file at all means the sources run."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler, no headers: the sources run instead
            for extension in self.extensions:
                Path(self.get_ext_fullpath(extension.name)).unlink(missing_ok=True)
            remove_compiled_kernel()
            print(
                f"warning: the screening kernel was not compiled ({error}); "
                "screening runs as pure Python (same results, slower)",
                file=sys.stderr,
            )


def remove_compiled_kernel() -> None:
    """Remove a kernel an earlier build left beside the sources, and its digest."""
    for path in KERNEL.compiled_files(SCREENING):
        path.unlink()
    (SCREENING / KERNEL.DIGEST_FILE).unlink(missing_ok=True)


def kernel_extensions() -> list[object]:
    if os.environ.get("SECRETARIAT_PURE_PYTHON"):
        remove_compiled_kernel()
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        print("warning: mypyc is not available; screening runs as pure Python", file=sys.stderr)
        return []
    sources = [
        str((SCREENING / f"{module}.py").relative_to(ROOT)) for module in KERNEL.KERNEL_MODULES
    ]
    # The project's mypy configuration loads the Django plugin, which the build environment lacks
    # and the kernel (no Django) does not need: compile with mypy's defaults. rapidfuzz may not be in
    # the build environment either (it is installed after the build): mypyc calls it untyped.
    options = ["--config-file=", "--ignore-missing-imports"]
    try:
        extensions = mypycify(
            [*options, *sources],
            opt_level="3",
            group_name=f"{KERNEL.PACKAGE}.{KERNEL.GROUP}",
            verbose=False,
        )
    except (Exception, SystemExit) as error:  # mypy refused the sources: `make check` says why
        print(f"warning: the screening kernel was not compiled ({error})", file=sys.stderr)
        remove_compiled_kernel()
        return []
    # Recorded with the build: kernel.guard() runs the sources if they change afterwards.
    (SCREENING / KERNEL.DIGEST_FILE).write_text(KERNEL.source_digest(SCREENING) + "\n")
    return list(extensions)


setup(ext_modules=kernel_extensions(), cmdclass={"build_ext": OptionalKernel})
