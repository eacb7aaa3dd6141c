# corpus: B
"""The bounce runner of a mailing-list manager: each bounce adds to a member's score, and the
member is disabled once the score passes the list's threshold."""
import datetime

from .models import BounceEvent, Member

SCORE_HARD = 1.0
SCORE_SOFT = 0.5


def score_for(status):
    if status in ("5.1.1", "5.1.2", "5.1.6"):  # expect: SMT102 SMT102 SMT102
        return SCORE_HARD
    if status.startswith("5."):
        return SCORE_HARD
    if status == "4.2.2":  # expect: SMT102
        return SCORE_SOFT
    return 0.0


def record(mlist, address, status, when=None):
    when = when or datetime.datetime.now(datetime.timezone.utc)
    member = Member.objects.get(mlist=mlist, address=address)
    if member.last_bounce and (when - member.last_bounce).days > mlist.bounce_info_stale_after:
        member.bounce_score = 0
    member.bounce_score += score_for(status)
    member.last_bounce = when
    BounceEvent.objects.create(member=member, status=status, when=when)
    if member.bounce_score >= mlist.bounce_score_threshold:
        member.disable(reason="bounces", warnings_left=mlist.bounce_you_are_disabled_warnings)
    member.save()


def unrecognised(mlist, message):
    BounceEvent.objects.create(member=None, status="5.0.0", raw=message.as_string()[:4000])  # expect: SMT102


def test_scores():
    assert score_for("5.1.1") == SCORE_HARD  # expect: SMT102
    assert score_for("5.7.1") == SCORE_HARD  # expect: SMT102
    assert score_for("4.2.2") == SCORE_SOFT  # expect: SMT102
    assert score_for("4.4.7") == 0.0  # expect: SMT102

# ruff: noqa  (realistic code, linted by the SMT plugin only)
