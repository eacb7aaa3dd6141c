"""The decision per candidate, once every scope of the file is known.

How much evidence a literal needs depends on what it is: an int needs its expression to say
"SMTP code" (and an SMTP scope when it only says "code"); a string shaped like a reply line
needs less, an enhanced code with text less still. A number that is an HTTP status is never
called an undefined SMTP code without SMTP's own words around it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .candidates import Candidate, Finding
from .roles import AMBIG, LIKELY, NEG, NONE, PARAM, RETURNED, STRONG, UNKNOWN
from .scope import NEUTRAL, OTHER, SMTP, resolve
from .shapes import (
    S_BARE,
    S_ENH,
    S_ENH_ONLY,
    S_REPLY,
    http_phrases,
    is_http_line,
    smtp_only_codes,
)
from .vocabulary import name_role

if TYPE_CHECKING:
    from .walk import Pass


def findings(p: Pass) -> list[Finding]:
    """Every finding of the pass, by line and column."""
    if not p.candidates:
        return []
    resolve(p.scopes)
    found: list[Finding] = []
    for cand in p.candidates:
        decided = _decide(p, cand)
        if decided is not None:
            found.append(Finding(cand.line, cand.col, *decided, bound=cand.bound))
    found.sort(key=lambda finding: (finding.line, finding.col))
    return found


def _role(p: Pass, cand: Candidate) -> int:
    """The candidate's role with the deferred ones settled."""
    role = cand.role
    if role == RETURNED:
        role = AMBIG if cand.scope.returns_code else NONE
    elif role == PARAM:
        name, _, index = cand.ref.rpartition(":")
        params = p.params.get(name)
        role = NONE if params is None or int(index) >= len(params) else name_role(
            params[int(index)])
        if role >= NONE:  # def expect(sock, wanted): ... if reply[:3] != wanted
            role = max(role, p.compared_params.get(cand.ref, NONE))
    if cand.ref.startswith("=") and role < STRONG:
        bound = cand.scope.bound_role(cand.ref[1:])
        if isinstance(bound, str):  # status = post(url): HTTP if post() is HTTP code
            function = p.functions.get(bound)
            bound = NEG if function is not None and function.kind == OTHER else None
        if bound is not None:  # code = reply.code ... code == "535"; code = r.status_code: HTTP
            role = bound if bound == NEG or role < NONE else max(role, bound)
    return role


def _decide(p: Pass, cand: Candidate) -> tuple[str, str] | None:
    """(kind, code) to report for a candidate, or None."""
    role = _role(p, cand)
    kind = cand.scope.kind
    if cand.is_int:
        return _decide_int(p, cand, role, kind)
    if cand.value:
        return _decide_reply(p, cand, role, kind)
    return _decide_enhanced(p, cand, role, kind)


def _decide_int(p: Pass, cand: Candidate, role: int, kind: int) -> tuple[str, str] | None:
    code = str(cand.value)
    if not (role == STRONG or (role == LIKELY and kind != OTHER)
            or (role == AMBIG and kind == SMTP)) or code in p.allow:
        return None
    if p.defined(code) or cand.bound:
        return "SMT100", code  # 400 <= code: a class boundary, named as "class 4xx"
    if role != STRONG and cand.value in http_phrases():
        return None  # 404 beside "code" in a mail project is HTTP's until SMTP says otherwise
    return "SMT201", code


def _decide_reply(p: Pass, cand: Candidate, role: int, kind: int) -> tuple[str, str] | None:
    """A string that starts with a reply code: ``"250 OK"``, ``"550 5.1.1 ..."``, ``"535"``."""
    code = str(cand.value)
    defined = p.defined(code)
    if not _flag_reply(cand, role, kind, defined):
        return None
    enhanced = cand.enhanced
    if enhanced is not None:
        basic_class = cand.value // 100
        if basic_class != 3 and int(enhanced[0]) != basic_class:
            return "SMT200", f"{code} {enhanced}"
    allow = p.allow
    if not defined:
        if code in allow or (role != STRONG and cand.shape == S_BARE
                             and cand.value in http_phrases()):
            return None
        return "SMT201", code
    if enhanced is not None and not p.defined(enhanced):
        return None if enhanced in allow else ("SMT201", enhanced)
    if code in allow and (enhanced is None or enhanced in allow):
        return None
    return "SMT101", f"{code} {enhanced}" if enhanced else code


def _flag_reply(cand: Candidate, role: int, kind: int, defined: bool) -> bool:
    shape = cand.shape
    if role == STRONG or shape == S_ENH:
        return True
    if kind == OTHER:
        return False
    if role == LIKELY:
        return True
    if shape == S_REPLY:
        if is_http_line(cand.value, cand.rest):
            return False
        if kind == SMTP:
            return True
        return defined and cand.value in smtp_only_codes()
    if kind != SMTP:
        return False
    if shape == S_BARE:
        return role == AMBIG or (role == UNKNOWN and defined)
    return role == AMBIG  # S_PROSE: "250 messages queued" is a sentence, not a reply


def _decide_enhanced(p: Pass, cand: Candidate, role: int, kind: int
                     ) -> tuple[str, str] | None:
    """A string that starts with an enhanced code: ``"5.1.1"``, ``"5.7.1 Relay denied"``."""
    enhanced = cand.enhanced or ""
    if not _flag_enhanced(cand, role, kind):
        return None
    if cand.pair_basic is not None:
        basic_class = cand.pair_basic // 100
        if basic_class != 3 and int(enhanced[0]) != basic_class:
            return "SMT200", f"{cand.pair_basic} {enhanced}"
    if enhanced in p.allow:
        return None
    return "SMT102" if p.defined(enhanced) else "SMT201", enhanced


def _flag_enhanced(cand: Candidate, role: int, kind: int) -> bool:
    if role == STRONG or cand.pair_basic is not None:
        return True
    if kind != SMTP and len((cand.enhanced or "").split(".")[1]) > 1:
        return False  # "2.17.50" is a version: enhanced codes in use have a one-digit subject
    if cand.shape == S_ENH_ONLY:  # "2.0.0" is a version as often as a code: the name decides
        return role >= LIKELY or (role == AMBIG and kind == SMTP)
    if kind == OTHER:
        return role >= LIKELY
    if kind == SMTP or role >= AMBIG:
        return True
    head = cand.rest.lstrip()[:1]  # "5.7.1 Relaying denied", "5.1.1 <a@b>: ...": a reply text
    return kind == NEUTRAL and (head.isupper() or head == "<")
