def ok(n: int) -> int:
    return n + 1


def uses_lambda(n: int) -> int:
    f = lambda x: x * 2
    return f(n)


print(ok(1))
