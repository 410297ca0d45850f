"""Static classes used by dynamic code: main stays dynamic (try/except), its
instances are handles to the same Rust structs (rt::native)."""


class P:
    def __init__(self, x):
        self.x = x
        self.tags = ["x"]

    def grow(self, n=1):
        self.x = self.x + n
        return self


def same(a, b):
    return a is b


def eq(a, b):
    return a == b


def total(ps):
    t = 0
    for p in ps:
        t += p.x
    return t


def main():
    a = P(1)
    b = P(1)
    c = a.grow().grow(2)
    print(same(a, c), same(a, b), eq(a, b), eq(a, a))
    ps = [a, b, P(5)]
    print(total(ps), a in ps, P(1) in ps)
    a.x = 7
    print(a.tags, len(b.tags))
    try:
        print(a.missing)
    except AttributeError as e:
        print("AttributeError", e)
    print(isinstance(a, P), isinstance(3, P))


main()
