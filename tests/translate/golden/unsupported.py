def ok(n: int) -> int:
    return n + 1


def uses_with(path: str) -> str:
    with open(path) as f:
        return f.read()


print(ok(1))
