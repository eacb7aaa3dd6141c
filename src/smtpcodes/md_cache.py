"""A bounded memo for what shortcodes render to, shared by every conversion in the process.

Pages repeat the same few codes, so chips and boxes are worked out once per catalogue and
configuration. ``mkdocs serve`` makes a new catalogue object on every edit of a custom
catalogue: only the few most recent catalogues keep entries, and each keeps a bounded
number, so a long-running process does not grow with edits or with distinct shortcodes.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")

CATALOGUES = 2
ENTRIES = 2048


class Memo(Generic[T]):
    def __init__(self, catalogues: int = CATALOGUES, entries: int = ENTRIES) -> None:
        self._by_catalogue: OrderedDict[object, dict[Hashable, T]] = OrderedDict()
        self._catalogues = catalogues
        self._entries = entries

    def get(self, catalogue: object, key: Hashable, make: Callable[[], T]) -> T:
        entries = self._by_catalogue.get(catalogue)
        if entries is None:
            entries = self._by_catalogue[catalogue] = {}
            while len(self._by_catalogue) > self._catalogues:
                self._by_catalogue.popitem(last=False)
        else:
            self._by_catalogue.move_to_end(catalogue)
        value = entries.get(key)
        if value is None:
            if len(entries) >= self._entries:
                entries.clear()
            value = entries[key] = make()
        return value

    def __len__(self) -> int:
        return sum(len(entries) for entries in self._by_catalogue.values())
