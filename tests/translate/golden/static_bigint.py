# Integers that may outgrow i64 are typed statically as the runtime's Int;
# everything else stays i64.


def factorial(n):
    result = 1
    for k in range(2, n + 1):
        result *= k
    return result


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def count_down(n):
    steps = 0
    while n > 0:
        n -= 1
        steps += 1
    return steps


big = factorial(25)
print(big, fib(90), count_down(5))
print(big // 10 ** 20, big % 1000000007, -big // 7, abs(-big))
print(2 ** 64 - 1, 12345678901234567890 < big, f"{2 ** 70:,}", max(big, 3 ** 30))
print(big / 2 ** 40, pow(3, 50), pow(2, 100, 1000000007))
