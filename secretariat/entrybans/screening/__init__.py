"""The name-screening engine: normalize → find candidates → score → explain.

Pure Python plus rapidfuzz; it knows no database and no web framework, so it can be measured in
bench/ and embedded anywhere. `records.make_entry`/`make_query` prepare inputs,
`index.ScreeningIndex` screens (fast path), `reference.reference_screen` is the slow reference.
The same modules compiled with mypyc run when the install could build them (`kernel.py`).
"""

from secretariat.entrybans.screening import kernel

kernel.guard()
