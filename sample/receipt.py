"""Prints a receipt: the sample program."""
from shop.inventory import Inventory
from shop.pricing import CURRENCY, TAX_PERCENT, format_cents, with_tax


def main() -> None:
    inv = Inventory()
    inv.add("apple", 45, 12)
    inv.add("bread", 320, 2)
    inv.add("cheese", 1275, 1)
    for item in inv.items:
        print(f"{item.name:<10}{item.count:>4} x {format_cents(item.price):>7}")
    total = inv.total()
    print(f"{'total':<10}{format_cents(total):>16}")
    print(f"{'with tax':<10}{format_cents(with_tax(total, TAX_PERCENT)):>16} {CURRENCY}")
    print("sale:", [format_cents(p) for p in inv.on_sale(25)])


if __name__ == "__main__":
    main()
