import itertools
from collections import Counter, namedtuple
from fractions import Fraction
from functools import lru_cache, partial

Pair = namedtuple("Pair", "left right")


@lru_cache(maxsize=None)
def paths(n):
    return 1 if n < 2 else paths(n - 1) + paths(n - 2)


def scale(x, factor):
    return x * factor


double = partial(scale, factor=2)
counts = Counter("mississippi")
print(counts.most_common(2), Pair(1, 2), Fraction(1, 3) + 1)
print(paths(30), paths.cache_info(), double(21))
print(list(itertools.chain.from_iterable([[1], [2, 3]])), [0, *itertools.islice(itertools.count(5), 2)])
