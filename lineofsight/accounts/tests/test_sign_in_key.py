from lineofsight.accounts.domain.sign_in import sign_in_key


def test_lockouts_are_kept_under_the_trimmed_lower_case_username() -> None:
    assert sign_in_key("  Sam.Worker ") == "sam.worker"
    assert len(sign_in_key("x" * 300)) == 150
