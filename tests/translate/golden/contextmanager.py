from contextlib import contextmanager


@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    except KeyError as e:
        print("suppressed", e)
    finally:
        print("</" + name + ">")


def main():
    with tag("a") as up:
        print(up)
    with tag("b"):
        {}["k"]
    print(issubclass(KeyError, LookupError))


main()
