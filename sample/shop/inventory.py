"""Stock keeping."""
from shop.pricing import discount


class Item:
    def __init__(self, name: str, price: int, count: int):
        self.name = name
        self.price = price
        self.count = count

    def value(self) -> int:
        return self.price * self.count


class Inventory:
    def __init__(self):
        self.items: list[Item] = []

    def add(self, name: str, price: int, count: int) -> None:
        self.items.append(Item(name, price, count))

    def total(self) -> int:
        return sum(item.value() for item in self.items)

    def on_sale(self, percent: int) -> list[int]:
        return [discount(item.price, percent) for item in self.items]
