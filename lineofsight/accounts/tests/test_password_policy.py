"""The password policy: at least 12 characters, not common, not all digits, not like the user."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import (
    CommonPasswordValidator,
    MinimumLengthValidator,
    NumericPasswordValidator,
    UserAttributeSimilarityValidator,
    get_default_password_validators,
    validate_password,
)
from django.core.exceptions import ValidationError

from lineofsight.accounts.models import User


def test_the_four_validators_are_configured_with_a_minimum_of_twelve() -> None:
    validators = get_default_password_validators()

    assert {type(v) for v in validators} == {
        UserAttributeSimilarityValidator,
        MinimumLengthValidator,
        CommonPasswordValidator,
        NumericPasswordValidator,
    }
    (length,) = [v for v in validators if isinstance(v, MinimumLengthValidator)]
    assert length.min_length == 12


@pytest.mark.parametrize(
    ("password", "refusal"),
    [
        ("short-pass1", "at least 12 characters"),
        ("password1234", "too common"),
        ("839201746583", "entirely numeric"),
        ("samantha.smithers", "too similar"),
    ],
)
def test_weak_passwords_are_refused(password: str, refusal: str) -> None:
    user = User(username="samantha.smithers", first_name="Samantha", last_name="Smithers")

    with pytest.raises(ValidationError, match=refusal):
        validate_password(password, user)


def test_a_long_unusual_password_is_accepted() -> None:
    validate_password("copper-kettle-harbour-91", User(username="samantha.smithers"))
