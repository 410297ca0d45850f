def find(xs: list[int], want: int):
    for i in range(len(xs)):
        if xs[i] == want:
            return i
    return None


def append_good(item, bucket=None):
    if bucket is None:
        bucket = []
    bucket.append(item)
    return bucket


def scaled(base, factor=None):
    return base if factor is None else base * factor


def make_box(width, height=1, *, fill="#", border=None):
    rows = []
    for r in range(height):
        if border and (r == 0 or r == height - 1):
            rows.append(border * width)
        else:
            rows.append(fill * width)
    return "\n".join(rows)


def first_long(words: list[str], n: int):
    best = None
    for w in words:
        if len(w) >= n:
            best = w
            break
    if best is not None:
        print("found", best, len(best))
    return best


def chain(prev: dict[str, str | None], start: str) -> list[str]:
    out = []
    node: str | None = start
    while node is not None:
        out.append(node)
        node = prev[node]
    return out


def sign_word(n: int):
    if n > 0:
        return "positive"
    if n < 0:
        return "negative"


print(sign_word(3), sign_word(0), sign_word(-2))
print(chain({"c": "b", "b": "a", "a": None}, "c"))
print(find([4, 5, 6], 5), find([4, 5, 6], 7))
print(append_good(1), append_good(2, [0]))
print(scaled(3), scaled(3, 4))
print(make_box(4, 3, border="="))
print(make_box(3, fill="-"))
print(first_long(["a", "abcd"], 3), first_long(["a"], 3))
hits = []
for i in range(1, 4):
    for j in range(1, 4):
        if i * j == 4:
            hits.append((i, j))
            break
    else:
        hits.append((i, None))
print(hits)
x = None
for k in range(3):
    if k == 2:
        x = k * 10
print(x, x is None, f"{x}")
