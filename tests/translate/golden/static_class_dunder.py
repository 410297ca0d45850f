"""Dunders of static classes: __str__/__repr__ for print, str(), f-strings
and containers, __eq__/__lt__ for ==, <, > and sorted(), __len__ for len().
A dynamic function sees the same dunders through the instance's handle."""


class Vec2:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Vec2({self.x}, {self.y})"

    def __str__(self):
        return f"<{self.x}, {self.y}>"

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __lt__(self, other):
        return self.x < other.x or (self.x == other.x and self.y < other.y)

    def __len__(self):
        return abs(self.x) + abs(self.y)


def show_dynamic(v, tag):
    # Dynamic (tag is an int or a list of an int and a str; an int and a str
    # alone would give it a specialised copy): str(), len() and == go through the
    # handle's dunders.
    print(str(v), len(v), v == Vec2(0, 5), [v], tag)


def main():
    a = Vec2(1, 2)
    b = Vec2(0, 5)
    print(a, str(b), f"{a}!", repr(a))
    print([a, b])
    print(a == Vec2(1, 2), a == b, a != b, a < b, a > b, len(a))
    print(sorted([a, b, Vec2(0, 1)]))
    return b


last = main()
show_dynamic(last, 1)
show_dynamic(Vec2(1, 2), ["one", 1])
