"""The words of every finding: one table of message templates, filled from the catalogue.

Shared by the flake8 plugin and ``smtpcodes lint`` so both print the same text for the same
literal. Each catalogue text is looked up once per process and catalogue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..printable import one_line

if TYPE_CHECKING:
    from ..catalogue import Catalogue

#: Every finding code and its message template: the one place a message is worded.
MESSAGES: dict[str, str] = {
    "SMT100": "SMT100 hard-coded SMTP reply code {code} ({about}): use {fix}",
    "SMT101": "SMT101 hard-coded SMTP reply string {code} ({about}): build it from {fix}",
    "SMT102": "SMT102 hard-coded enhanced status code {code} ({about}): use {fix}",
    "SMT200": (
        "SMT200 SMTP reply {code} contradicts itself: {basic} is {basic_class} but {enhanced} "
        "is {enhanced_class}; make the two classes agree"
    ),
    "SMT201": "SMT201 {error} (define codes of your own with --smtp-catalogue)",
    "SMT900": "SMT900 smtpcodes could not check this file ({error}); please report it",
}
#: SMT100 for a bound of a range check (``code >= 500``): it is about a class, not the reply it
#: spells, so naming that reply's constant would say something false.
BOUND_MESSAGE = ("SMT100 hard-coded SMTP reply code {code} as a class boundary (class {cls}xx): "
                 "test the reply class instead (code // 100), not one reply's constant")


# --- the catalogue side: defined codes and messages, cached per catalogue -----------------------

class Texts:
    """Defined codes and finished messages for one catalogue; each code is looked up once."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._defined: dict[str, bool] = {}
        self._messages: dict[tuple[str, str], str] = {}

    def defined(self, code: str) -> bool:
        known = self._defined.get(code)
        if known is None:
            try:
                known = self._defined[code] = self.catalogue.defines(code)
            except Exception:  # a broken catalogue must not stop flake8
                known = self._defined[code] = False
        return known

    def message(self, kind: str, code: str, bound: bool = False) -> str:
        key = ("bound" if bound else kind, code)
        text = self._messages.get(key)
        if text is None:
            text = self._messages[key] = one_line(self._build(*key))
        return text

    def _entry(self, code: str) -> Any:
        try:
            return self.catalogue.lookup(code)
        except Exception:
            return None

    def _about(self, code: str) -> str:
        entry = self._entry(code)
        if entry is None:
            return f"class {code[0]}xx"
        name = entry.name or "custom code"
        return f"{name}, {entry.class_name.lower()}" if entry.class_name else name

    def _fix(self, code: str) -> str:
        entry = self._entry(code)
        constant = getattr(entry, "constant", None)
        if constant:
            return f"SMTPStatus.{constant}"
        return "a named constant"

    def _build(self, kind: str, code: str) -> str:
        if kind == "SMT100":
            return MESSAGES[kind].format(code=code, about=self._about(code), fix=self._fix(code))
        if kind == "bound":
            return BOUND_MESSAGE.format(code=code, cls=min(code[0], "5"))  # 600 closes 5xx
        if kind == "SMT101":
            basic, _, enhanced = code.partition(" ")
            about = self._about(basic)
            if enhanced:
                enh = self._entry(enhanced)
                about += f"; {enhanced} {enh.name}" if enh is not None and enh.name else ""
            return MESSAGES[kind].format(code=code, about=about, fix=self._fix(basic))
        if kind == "SMT102":
            return MESSAGES[kind].format(code=code, about=self._about(code), fix=self._fix(code))
        if kind == "SMT200":
            basic, _, enhanced = code.partition(" ")
            return MESSAGES[kind].format(
                code=code, basic=basic, enhanced=enhanced, basic_class=self._class(basic),
                enhanced_class=self._class(enhanced))
        if kind == "SMT201":
            try:
                self.catalogue.lookup(code)
                error = f"unknown SMTP code {code}"
            except Exception as exc:  # UnknownCodeError names the nearest defined code
                error = str(exc).replace(repr(code), code) or f"unknown SMTP code {code}"
            return MESSAGES[kind].format(error=error.rstrip("."))
        return MESSAGES["SMT900"].format(error=code)

    def _class(self, code: str) -> str:
        try:
            from ..catalogue import labels

            return str(labels()["classes"][code[0]]).lower()
        except Exception:
            return f"{code[0]}xx"


_TEXTS: dict[str | None, Texts] = {}


def texts_for(path: str | None) -> Texts:
    texts = _TEXTS.get(path)
    if texts is None:
        from ..catalogue import get_catalogue

        texts = _TEXTS[path] = Texts(get_catalogue(path))
    return texts
