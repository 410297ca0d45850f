"""Static closures: nested functions that read and change the enclosing
function's variables, chained assignment, key= functions."""
from typing import List


def count_paths(n: int) -> int:
    seen = [False for _ in range(n)]
    path: List[int] = []
    found: List[List[int]] = []

    def walk(i: int) -> None:
        if len(path) == n:
            found.append(path.copy())
            return
        for j in range(n):
            if not seen[j] and j != i:
                seen[j] = True
                path.append(j)
                walk(j)
                path.pop()
                seen[j] = False

    walk(-1)
    return len(found)


def bits(n: int) -> int:
    full = (1 << n) - 1

    def go(cols: int, depth: int) -> int:
        if cols == full:
            return depth
        free = full & ~cols
        bit = free & -free
        return go(cols | bit, depth + 1)

    return go(0, 0)


def chained(n: int) -> List[int]:
    a = [0 for _ in range(n)]
    b = [0 for _ in range(n)]
    for i in range(n):
        a[i] = b[n - 1 - i] = i * i
    x = y = 7
    return a + b + [x, y]


def ranked(words: List[str]) -> List[str]:
    by_len = sorted(words, key=lambda w: (-len(w), w))
    longest = max(words, key=len)
    first_min = min(words, key=lambda w: w[-1])
    rev = sorted(words, reverse=True)
    nums = [3, -7, 2, -1]
    nums.sort(key=lambda v: abs(v))
    print(nums, max(nums, key=abs), min(nums, key=lambda v: v * v))
    return by_len + [longest, first_min] + rev


print(count_paths(4), bits(5), chained(3))
print(ranked(["pear", "fig", "apple", "kiwi", "plum"]))


def cond_capture(flag: bool) -> int:
    # x is declared where the call of g reads it, not only where it is bound.
    if flag:
        x = 5
    else:
        x = 2

    def g(k: int) -> int:
        return x * k

    return g(3)


def pivot(m: List[List[float]], col: int) -> int:
    return max(range(col, len(m)), key=lambda r: abs(m[r][col]))


def sort_desc(xs: List[float]) -> None:
    xs.sort(key=lambda v: -v)


fs = [2.5, -1.0, 7.25]
sort_desc(fs)
print(cond_capture(True), cond_capture(False), pivot([[1.0, 2.0], [-5.0, 1.0]], 0), fs)
