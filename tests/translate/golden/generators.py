def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "liftoff"


def pairs(items):
    for i, x in enumerate(items):
        if x is None:
            continue
        yield i, x


def relay():
    result = yield from countdown(2)
    got = yield result
    yield got


def naturals():
    n = 0
    while True:
        yield n
        n += 1


for k in countdown(3):
    print(k)
print(list(pairs(["a", None, "b"])))
r = relay()
print(next(r), next(r), next(r), r.send("sent"))
print(list(zip(naturals(), "xy")), sum(x * x for x in range(4)))
