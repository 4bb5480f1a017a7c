"""A recording step: one page that records one event of a child's journey through one service.

A step's form knows the child, so its choices are the child's own records (the referral open
now, the plan a review conference reviews) and it starts pre-filled with what is already known;
its `record` calls the service. The view around it is the same for every step
(`journey.views.step_record`): a SequenceError or ValidationError from the service is shown in
the GOV.UK error summary, and nothing is written.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar

from django import forms
from django.db.models import QuerySet

from lineofsight.accounts.models import User
from lineofsight.core.models import Record
from lineofsight.core.request_memo import once
from lineofsight.people.models import Child

M = TypeVar("M", bound=Record)
P = ParamSpec("P")
R = TypeVar("R")


def per_child(read: Callable[P, R]) -> Callable[P, R]:
    """Read once a request per child (`core.request_memo`): the record page asks some thirty
    steps whether they apply, and many ask the same thing (the open referral, the open plan)."""

    @functools.wraps(read)
    def memoised(*args: P.args, **kwargs: P.kwargs) -> R:
        child = args[0]
        assert isinstance(child, Child)
        key = ("step read", read.__module__, read.__qualname__, child.pk, args[1:])
        return once((*key, tuple(sorted(kwargs.items()))), lambda: read(*args, **kwargs))

    return memoised


class StepForm(forms.Form):
    """A recording form about one child, its choices and initial values set by `prepare`."""

    def __init__(self, *args: Any, child: Child, acting_user: User, **kwargs: Any) -> None:
        self.child = child
        self.acting_user = acting_user
        super().__init__(*args, **kwargs)
        self.prepare()

    def prepare(self) -> None:
        """Fill the choices from the child's records and pre-fill what is already known."""

    def record(self) -> Record:
        """Write through the service (called with valid data only)."""
        raise NotImplementedError

    # ---- helpers for the stage modules ----

    def offer(
        self,
        name: str,
        records: Iterable[M],
        describe: Callable[[M], str],
        *,
        preselect_latest: bool = True,
    ) -> None:
        """Offer `records` (newest first) as the choices of field `name`, by natural key; the
        newest is pre-selected, and a field with one choice shows only that one."""
        field = self.fields[name]
        assert isinstance(field, forms.ChoiceField)
        options = [(str(record.key), describe(record)) for record in records]
        blank = [] if isinstance(field.widget, forms.RadioSelect) else [("", "Select one")]
        if not field.required:
            blank = [("", "None")]
        field.choices = [*blank, *options]
        if options and preselect_latest and name not in self.initial:
            self.initial[name] = options[0][0]

    def chosen(self, queryset: QuerySet[M], name: str) -> M | None:
        key = self.cleaned_data.get(name)
        return queryset.get(key=key) if key else None

    def initial_if_unset(self, **values: Any) -> None:
        for name, value in values.items():
            if value is not None:
                self.initial.setdefault(name, value)


@dataclass(frozen=True)
class Step:
    """One recording page: its address, its title and what it records, its form, whether it
    is offered for the child now (a decision needs an undecided contact) and who may use it at
    all (supervision is a manager's); the child's own access rule applies to every step."""

    slug: str
    title: str
    stage: str
    form: type[StepForm]
    done: str
    offered: Callable[[Child], bool] = lambda child: True
    allowed: Callable[[User], bool] = lambda user: True
    description: str = ""


def key_choice(label: str, *, error: str, required: bool = True) -> forms.ChoiceField:
    """A choice among the child's records, filled by `StepForm.offer`."""
    return forms.ChoiceField(
        label=label,
        choices=[],
        required=required,
        widget=forms.RadioSelect,
        error_messages={"required": error, "invalid_choice": error},
    )
