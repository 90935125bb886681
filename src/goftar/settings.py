"""All options in one frozen object, built once (CLI flags map onto it)."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

Digits = Literal["keep", "fa", "latin"]


@dataclass(frozen=True)
class Settings:
    #: digits: ``fa`` writes Arabic-Indic (٠-٩) and Persian digits as Persian (۰-۹) and leaves Latin
    #: digits alone; ``latin`` writes every digit as 0-9; ``keep`` leaves digits untouched.
    digits: Digits = "fa"
    #: fold Arabic ي/ك/ة-less variants, presentation forms, bidi controls, tatweel (always safe).
    fold_letters: bool = True
    #: drop Arabic diacritics (harakat) except shadda-less tanwin on alef (دائماً keeps its ً).
    drop_diacritics: bool = True
    #: restore half-spaces (ZWNJ).
    zwnj: bool = True
    #: rejoin hard-wrapped lines and drop blank lines inside sentences.
    reflow: bool = True
    #: run attribution (quotes, people, places, events) when reading.
    attribute: bool = True

    def with_(self, **kw: object) -> "Settings":
        return replace(self, **kw)  # type: ignore[arg-type]


DEFAULT = Settings()
