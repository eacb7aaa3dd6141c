"""What the MkDocs plugin reads from the site around a page: its language and its source lines.

Kept apart from the plugin's events so that each rule (which language wins, how many lines
front matter takes, where mkdocs-static-i18n puts a locale's pages) is stated once.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from mkdocs.utils.meta import get_data

from .catalogue import languages


def supported(tag: object) -> str | None:
    """The catalogue language for a site's language tag: ``zh``, ``zh-Hant``, ``zh_CN`` → zh."""
    primary = str(tag or "").replace("_", "-").split("-", 1)[0].lower()
    return primary if primary in languages() else None


class I18nBuild(NamedTuple):
    """The locale mkdocs-static-i18n is building, which it rebuilds the whole site for."""

    locale: str
    default: str
    folder: bool  # docs/<locale>/page.md rather than page.<locale>.md

    @property
    def prefix(self) -> str:
        """Where this locale's pages go in the site: nowhere special for the default one."""
        return "" if self.locale == self.default else f"{self.locale}/"


def i18n_build(config: MkDocsConfig) -> I18nBuild | None:
    """The locale being built, when the site uses mkdocs-static-i18n."""
    plugin: Any = config.plugins.get("i18n")
    locale = getattr(plugin, "current_language", None)
    if not locale:
        return None
    structure = getattr(plugin.config, "docs_structure", "suffix")
    return I18nBuild(str(locale), str(plugin.default_language or locale), structure == "folder")


def site_language(config: MkDocsConfig, fallback: str = "en") -> str:
    """The language the site is being built in, as far as the catalogue has it.

    The i18n plugin's locale first (it rebuilds the site once per locale), then the theme's:
    Material's ``theme.language``, or ``theme.locale`` of MkDocs' own themes.
    """
    build = i18n_build(config)
    candidates = [build.locale if build else None,
                  config.theme.get("language"), config.theme.get("locale")]
    for candidate in candidates:
        lang = supported(candidate)
        if lang:
            return lang
    return fallback


def front_matter_lines(file: File) -> int:
    """Lines MkDocs strips from the top of a page (front matter, leading blank lines).

    MkDocs converts the body alone; adding these lines gives line numbers in the file.
    """
    try:
        raw = file.content_string
    except (OSError, UnicodeDecodeError, AssertionError):
        return 0
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    body, _ = get_data(raw)
    return raw.count("\n") - body.count("\n") if raw.endswith(body) else 0
