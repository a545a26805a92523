"""What the apps standing on the core provide it, registered from their `AppConfig.ready()`.

The core is the lowest floor: it imports no app (`make imports` checks it). Where the core needs
something only an app knows (whether a member state exists, the organization's names in page
headers and feeds, whether a dataset has been loaded), the app that knows provides a function
here when Django starts, and the core calls it. The permission table's rows are registered the
same way, in `secretariat.core.domain.permissions.register_policy`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, cast


class OrganizationNames(Protocol):
    """The organization's names in a language, as the members app keeps them."""

    def name(self, lang: str) -> str: ...

    def acronym(self, lang: str) -> str: ...


_providers: dict[str, Callable[..., object]] = {}


def provide(what: str, function: Callable[..., object]) -> None:
    """Register the function that answers `what`; the same function again is a no-op."""
    known = _providers.get(what)
    if known is not None and known is not function:
        raise ValueError(f"{what!r} is provided twice: by {known!r} and by {function!r}")
    _providers[what] = function


def _provider(what: str) -> Callable[..., object]:
    try:
        return _providers[what]
    except KeyError:
        raise RuntimeError(
            f"no installed app provides {what!r} (it is registered in an AppConfig.ready())"
        ) from None


def state_exists(code: str) -> bool:
    """Is `code` the code of a state the register keeps (a member, past member or party)?"""
    return bool(_provider("state_exists")(code))


def organization() -> OrganizationNames:
    """The organization's names (a default until a dataset is loaded)."""
    return cast(OrganizationNames, _provider("organization")())


def state_name(code: str, lang: str) -> str:
    """A state's name in `lang` as the record gives it; the code itself for a state the record
    does not keep."""
    return str(_provider("state_name")(code, lang))


def dataset_loaded() -> bool:
    """Has an organization's dataset been loaded into this database?"""
    return bool(_provider("dataset_loaded")())
