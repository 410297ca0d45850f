"""Dynamic classes: class objects, static/class methods, properties, class
attributes, operator dunders and enums."""
from enum import Enum, IntEnum, auto


class Money:
    created = 0
    CURRENCY = "EUR"

    def __init__(self, cents):
        self.cents = cents
        Money.created += 1

    @classmethod
    def parse(cls, text):
        return cls(int(text.replace(".", "")))

    @staticmethod
    def valid(cents):
        return cents >= 0

    @property
    def euros(self):
        return self.cents / 100

    @euros.setter
    def euros(self, value):
        self.cents = round(value * 100)

    def scaled(self, k=1, extra=0):
        return Money(self.cents * k + extra)

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __rmul__(self, k):
        return Money(self.cents * k)

    def __neg__(self):
        return Money(-self.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __bool__(self):
        return self.cents != 0

    def __abs__(self):
        return Money(abs(self.cents))

    def __repr__(self):
        return f"{type(self).__name__}({self.cents})"

    def __str__(self):
        return f"{self.euros:.2f} {self.CURRENCY}"


class Wallet(Money):
    def __len__(self):
        return 1

    def __contains__(self, x):
        return x <= self.cents

    def __iter__(self):
        return iter([self.cents // 100, self.cents % 100])

    def __getitem__(self, i):
        return list(self)[i]


class Suit(Enum):
    HEARTS = auto()
    SPADES = auto()


class Level(IntEnum):
    LOW = 1
    HIGH = 5


a = Money.parse("12.50")
b = Money(250)
print(a, repr(b), a + b, 3 * b, -b, abs(-b), bool(Money(0)))
print(a == Money(1250), a != b, sorted([a, b]), Money.valid(-1), a.valid(1))
b.euros = 4.2
print(b.euros, b.cents, len({a, Money(1250)}))
w = Wallet.parse("3.07")
print(w, len(w), 200 in w, list(w), w[1], w.__class__.__name__)
kinds = [Money, Wallet]
for k in kinds:
    print(k.__name__, isinstance(w, k), k.CURRENCY)
print(a.scaled(extra=5), b.scaled(2, extra=1))
print("created:", Money.created)
print(list(Suit), Suit.SPADES.value, Suit(1), Suit["SPADES"].name, len(Suit))
print(Level.HIGH > Level.LOW, Level.LOW + 1, int(Level.HIGH), max(Level), repr(Level(5)))
