"""Rates the DfE publishes, computed the way it computes them."""


def rate_per_10k(count: int, population: int | None) -> float | None:
    """`count` per 10,000 of `population`, to one decimal place; None without a population.

    DfE rates for children in need, on plans and looked after are per 10,000 children aged
    under 18, rounded to one decimal place (looked-after rates are then shown as whole numbers).
    """
    if not population:
        return None
    return round(count * 10_000 / population, 1)
