class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("<" + self.name + ">")
        return self.name

    def __exit__(self, exc_type, exc, tb):
        print("</" + self.name + ">")
        return exc_type is not None


def describe(v):
    match v:
        case None | True:
            return "flag"
        case int(n) if n < 0:
            return "negative"
        case [x, *rest]:
            return f"seq {x} +{len(rest)}"
        case {"k": val}:
            return f"map {val}"
        case _:
            return "other"


with Tag("b") as t:
    print(t, describe(None), describe(-2), describe([1, 2, 3]), describe({"k": 1}), describe(2.5))
    raise ValueError("swallowed")
