"""Prices in cents, so that money never goes through a float."""

TAX_PERCENT = 8
CURRENCY = "EUR"


def with_tax(cents: int, rate_percent: int) -> int:
    """Adds tax, rounding half up to the cent."""
    return (cents * (100 + rate_percent) + 50) // 100


def format_cents(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def discount(cents: int, percent: int) -> int:
    if percent < 0 or percent > 100:
        raise ValueError(f"bad discount: {percent}")
    return cents - cents * percent // 100
