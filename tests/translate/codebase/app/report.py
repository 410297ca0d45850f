"""Imports constants, computed values, decorated functions and a class from
another package; its own module-level names equal some of the library's."""
from lib.util.config import NAMES, RATE, SCALE, SEEN, Registry, identity, lookup, square
import lib.util.config as config

TABLE = "the report's own TABLE"


def show():
    print(TABLE)


print(RATE, NAMES, SCALE)
print(lookup("y"), lookup("x"), SEEN, config.SEEN is SEEN)
print(config.TABLE, square(12), identity(3))
r = Registry()
print(r.add("a", 1), r.add("b", 2), sorted(r.items))
show()
try:
    print(config.MISSING)
except AttributeError as e:
    print("AttributeError:", e)
