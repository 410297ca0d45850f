"""Integer and float arithmetic with Python's semantics."""


def floor_ops(a: int, b: int) -> int:
    # floor division and modulo follow the divisor's sign
    return a // b + a % b


def mean(xs: list[float]) -> float:
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def power(base, exp):
    """Exponent by squaring; types come from the call site."""
    result = 1
    while exp > 0:
        if exp % 2 == 1:
            result *= base
        exp //= 2
        base *= base
    return result


print(floor_ops(-7, 2), mean([1.5, 2.5]), power(3, 5), 7 / 2, 2 ** 10)
