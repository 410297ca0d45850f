class Counter:
    def __init__(self, start):
        self.count = start

    def bump(self, by=1):
        self.count += by
        return self.count


def tally(words):
    seen = {}
    for w in words:
        seen[w] = seen.get(w, 0) + 1
    return seen


c = Counter(10)
c.bump()
print(c.bump(5), tally(["a", "b", "a"]), sorted({3, 1, 2}))
try:
    raise ValueError("bad")
except ValueError as e:
    print("caught", e)
