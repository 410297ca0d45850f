"""User exception classes whose fields dynamic code reads: lowered dynamically."""


class Short(Exception):
    def __init__(self, need):
        super().__init__(f"short {need}")
        self.need = need


def take(n):
    if n > 3:
        raise Short(n)
    return n


def dyn_reader(xs):
    out = []
    for x in xs:
        try:
            out.append(take(x))
        except Exception as e:
            out.append(e.need)
    return out, sum(xs) + len(out) * 1.5 if xs else "none"


def reraiser(n):
    try:
        take(n)
    except Short as e:
        raise e


print(dyn_reader([1, 5, 2]))
try:
    reraiser(9)
except Short as e:
    print("need", e.need, e)
