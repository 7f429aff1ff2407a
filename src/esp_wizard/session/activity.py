"""Time spent in an interview, from the session's own timestamps.

Here rather than in findings/ because the interview screen's clock needs it on its first
frame, and importing findings (the whole compiler) would hold that frame back.
"""

from __future__ import annotations

import datetime as dt
import itertools

from esp_wizard.session.model import Session

PAUSE = dt.timedelta(minutes=30)


def active_minutes(session: Session) -> int:
    """Time spent interviewing: gaps over 30 minutes between changes are pauses.

    A session resumed the next morning is not a 16-hour interview; the time between its
    start, each answer, each observation and its last change is, when it is short.
    """
    moments = sorted(
        [session.started, session.updated]
        + [a.at for a in session.answers.values()]
        + [o.at for o in session.observations]
    )
    spent = sum(
        (b - a for a, b in itertools.pairwise(moments) if b - a <= PAUSE),
        dt.timedelta(),
    )
    return round(spent.total_seconds() / 60)
