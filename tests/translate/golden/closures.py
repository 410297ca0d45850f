calls = 0


def traced(fn):
    def wrapper(n):
        global calls
        calls += 1
        return fn(n)
    wrapper.inner = fn
    return wrapper


@traced
def square(n):
    return n * n


def make_counter(start=0):
    count = start

    def bump(by=1):
        nonlocal count
        count += by
        return count
    return bump


def fact(n):
    def go(k):
        return 1 if k <= 1 else k * go(k - 1)
    return go(n)


def apply_all(x, *funcs):
    return [f(x) for f in funcs]


c = make_counter(10)
c()
print(c(5), fact(6), square(7), calls)
late = [lambda: i for i in range(3)]
bound = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in bound], apply_all(4, abs, lambda v: v + 1))
