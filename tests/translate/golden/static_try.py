def parse_amount(text: str):
    try:
        return int(text)
    except ValueError:
        return None
    finally:
        print("parsed", repr(text))


def checked_div(a: int, b: int) -> int:
    if b == 0:
        raise ZeroDivisionError("no zero, please")
    return a // b


def safe_ratio(a: int, b: int) -> float:
    try:
        q = checked_div(a, b)
    except (ZeroDivisionError, KeyError) as e:
        print("caught:", e)
        return -1.0
    else:
        print("quotient", q)
    return a / b


def lookup(d: dict[str, int], key: str) -> int:
    total = 0
    for k in [key, key + "!"]:
        try:
            total += d[k]
        except KeyError as e:
            print("missing", e)
    return total


def reraise(n: int) -> int:
    try:
        if n < 0:
            raise ValueError(f"negative: {n}")
        return n
    except ValueError:
        print("reraising")
        raise


print([parse_amount(t) for t in ["12", "x1", "-7"]])
print(safe_ratio(7, 2), safe_ratio(1, 0))
print(lookup({"a": 1, "a!": 2}, "a"), lookup({"b": 5}, "b"))
print(reraise(3))
try:
    reraise(-1)
except Exception as e:
    print("outer:", e)
try:
    checked_div(1, 0)
except ArithmeticError as e:
    print("arith:", e)
finally:
    print("done")
