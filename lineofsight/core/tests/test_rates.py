from lineofsight.core.domain.rates import rate_per_10k


def test_rate_per_10k_rounds_to_one_place() -> None:
    assert rate_per_10k(2_549, 64_977) == 392.3


def test_rate_per_10k_without_a_population_is_unknown() -> None:
    assert rate_per_10k(10, None) is None
    assert rate_per_10k(10, 0) is None
