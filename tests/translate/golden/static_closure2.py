# Function values: nested defs returned from the function that defines them
# become Rust closures (Rc<dyn Fn>) over copies of the parameters they read;
# a dynamic caller receives them as callable Values.


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_greeter(greeting, mark):
    def greet(name):
        return greeting + ", " + name + mark
    return greet


def make_scaler(factor):
    def scale(x, offset):
        return x * factor + offset
    return scale


def apply_twice(k):
    add = make_adder(k)
    return add(add(0))


def dyn_show(k):
    # The *args lambda keeps this function dynamic: make_adder's closure crosses the bridge.
    ident = lambda *v: v[0]
    f = make_adder(100)
    print(f(k), ident(k))


def main():
    add5 = make_adder(5)
    add10 = make_adder(10)
    print(add5(1), add10(1), add5(add10(100)))
    hello = make_greeter("Hello", "!")
    print(hello("world"), hello("Rust"))
    scale = make_scaler(2.5)
    print(scale(4.0, 1.0), apply_twice(7))
    dyn_show(3)


main()
