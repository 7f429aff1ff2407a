"""A session being interviewed on screen: the engine, the store and the last save's outcome.

The screen never decides what is valid or how a file is written; it hands values to the
Interview and asks this object to save. A failed save is remembered (not raised) so the
screen can keep the message on view, keep the typed answer, and retry on the next change.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Callable
from typing import Any

from esp_wizard.errors import UserError
from esp_wizard.questionnaire import model as m
from esp_wizard.session.interview import Interview
from esp_wizard.session.model import Answer, Observation, Session
from esp_wizard.session.store import SessionStore

Clock = Callable[[], dt.datetime]


class LiveInterview:
    def __init__(self, interview: Interview, store: SessionStore, clock: Clock) -> None:
        self.interview = interview
        self.store = store
        self.clock = clock
        self.saved_at: dt.datetime | None = None
        self.save_error = ""  # why the last save failed; "" once a save succeeds

    @property
    def session(self) -> Session:
        return self.interview.session

    @property
    def questionnaire(self) -> m.Questionnaire:
        return self.interview.questionnaire

    def answer_of(self, question_id: str) -> Answer | None:
        return self.session.answers.get(question_id)

    def save(self) -> bool:
        """Write the whole session now; False (and `save_error`) when the disk refused."""
        try:
            self.store.save(self.session)
        except (UserError, OSError) as error:  # SessionSaveError, SessionLocked, SessionNotOpen
            self.save_error = str(error)
            return False
        self.saved_at = self.clock()
        self.save_error = ""
        return True

    def add_observation(self, question_id: str, **fields: Any) -> Observation:
        observation = Observation(id=self._observation_id(), question=question_id, **fields)
        self.session.observations.append(observation)
        return observation

    def complete(self) -> None:
        self.session.status = "completed"

    def close(self) -> None:
        self.store.close(self.session)

    def _observation_id(self) -> str:
        """Unique in the session and across laptops: sessions are merged, ids must not clash."""
        taken = {o.id for o in self.session.observations}
        while (candidate := f"obs-{secrets.token_hex(4)}") in taken:
            pass
        return candidate
