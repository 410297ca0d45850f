"""Lambdas and closures as static function values, and `global` counters."""


def make_multipliers():
    # A default binds k when each lambda is made.
    return [lambda x, k=k: x * k for k in range(1, 4)]


def make_late_multipliers():
    # Without one, every lambda reads the comprehension's last k.
    return [lambda x: x * k for k in range(1, 4)]


def make_account(balance):
    history = []

    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(f"+{amount}")
        return balance

    def report():
        return f"{balance}: {' '.join(history)}"

    return deposit, report


def scaled(factor):
    return lambda x: x * factor + 0.5


def main():
    print([m(10) for m in make_multipliers()])
    print([m(10) for m in make_late_multipliers()])
    dep, rep = make_account(5)
    dep(10)
    dep(20)
    print(rep())
    half = scaled(0.5)
    print(half(3.0))


calls = 0


def tick():
    global calls
    calls += 1
    return calls


main()
tick()
print("ticks:", tick())
