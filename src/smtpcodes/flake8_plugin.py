"""flake8 plugin (placeholder while it is being written)."""

from __future__ import annotations

import ast
from typing import Iterator


class SMTPCodeChecker:
    name = "smtpcodes"
    version = "0.1.0"

    def __init__(self, tree: ast.AST) -> None:
        self.tree = tree

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        return iter(())
