"""Settings computed when the module is first imported (its body runs once)."""
import functools

RATE = 7
NAMES = ("alpha", "beta")
SCALE = RATE * 3
TABLE = {"x": 1, "y": 2}
SEEN = []
print("config imported")


def lookup(key):
    SEEN.append(key)
    return TABLE[key] * SCALE


@functools.lru_cache(maxsize=None)
def square(n):
    return n * n


def plus_one(f):
    def wrapper(*args):
        return f(*args) + 1
    return wrapper


@plus_one
def identity(n):
    return n


class Registry:
    def __init__(self):
        self.items = {}

    def add(self, name, value):
        self.items[name] = value
        return len(self.items)


if __name__ == "__main__":
    print("config run as a program", SCALE)
