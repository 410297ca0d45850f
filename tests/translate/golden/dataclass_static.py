from dataclasses import dataclass, field


@dataclass
class Item:
    name: str
    price: float
    qty: int = 1

    def total(self):
        return self.price * self.qty


@dataclass
class Cart:
    owner: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
    discount: float = 0.0

    def add(self, item):
        self.items.append(item)
        self.tags[item.name] = item.qty

    def total(self):
        return sum(i.total() for i in self.items) * (1 - self.discount)


@dataclass(frozen=True)
class Key:
    a: int
    b: str = "x"


it = Item("pen", 2, qty=3)
book = Item(price=12.5, name="book")
print(it, book, it.total(), book.total())
print(it == Item("pen", 2, 3), it == book, it != book)
cart = Cart("ann")
cart.add(it)
cart.add(book)
print(cart)
print(cart.total(), Cart("bob", discount=0.5).total())
other = Cart("cy")
print(other.items is cart.items, cart.items is cart.items, other == Cart("cy"))
seen = {Key(1): "one", Key(2, "y"): "two"}
print(seen[Key(1)], seen[Key(2, "y")], Key(1) == Key(1, "x"), Key(3))
k = Key(5)
try:
    k.a = 6
except AttributeError as exc:
    print("frozen:", type(exc).__name__, k)


class Board:
    def __init__(self):
        self.cells = [0, 0, 0]

    def put(self, i, v):
        self.cells[i] = v


bd = Board()
bd.put(1, 7)
bd.put(-1, 9)
print(bd.cells)
