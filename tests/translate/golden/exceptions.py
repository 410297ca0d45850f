class AppError(Exception):
    pass


class LimitError(AppError):
    def __init__(self, limit, got):
        super().__init__(f"limit {limit}, got {got}")
        self.limit = limit

    def excess(self, got):
        return got - self.limit


def check(n):
    if n > 3:
        raise LimitError(3, n)
    if n < 0:
        raise ValueError("negative")
    return n


def first_ok(items):
    for x in items:
        try:
            check(x)
        except (ValueError, AppError) as e:
            print("skip", x, type(e).__name__, e.args)
            continue
        finally:
            print("checked", x)
        return x
    return None


def wrap(n):
    try:
        return check(n)
    except LimitError as e:
        raise RuntimeError(f"too big by {e.excess(n)}") from e


print(first_ok([5, -1, 2]))
try:
    wrap(9)
except RuntimeError as err:
    print(err, type(err.__cause__).__name__)
wrap(7)
