# `nonlocal` variables: a variable a nested def rebinds is one Rc<Cell<T>>
# shared by the enclosing function and its nested defs, also after a nested
# def escapes as a function value.


def make_counter(start, step):
    count = start

    def next_value():
        nonlocal count
        value = count
        count += step
        return value

    return next_value


def running_mean(xs):
    total = 0.0
    seen = 0

    def add(x):
        nonlocal total, seen
        total += x
        seen = seen + 1

    def mean():
        return total / seen

    for x in xs:
        add(x)
    print(seen, total, mean())
    return mean()


def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance

    def peek():
        return balance

    deposit(5)
    deposit(20)
    return peek


def main():
    c1 = make_counter(0, 1)
    c2 = make_counter(10, 5)
    print([c1() for _ in range(4)], [c2() for _ in range(4)], c1())
    print(running_mean([1.0, 2.5, 4.0]))
    peek = make_account(50)
    print(peek(), peek() + 1)


main()
