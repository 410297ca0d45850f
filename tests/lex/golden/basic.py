"""Module docstring."""
import os, sys as system
from . import thing


@decorator(arg=1)
class Point(Base, metaclass=Meta):
    x: int = 0  # a field

    def __init__(self, *args, **kwargs) -> None:
        self.x = args[0] if args else kwargs.get("x", -1)

    async def run(self):
        async with lock:
            await self.step()
        return [i ** 2 for i in range(10) if i % 2]


def walrus(data):
    if (n := len(data)) > 10:
        return n
    lambda a, /, b=2, *, c: a @ b
    x @= y; x //= 2; x **= 3; x >>= 1; x <<= 1; x ^= 1; x |= 1; x &= 1; x %= 2
    print(..., a != b, a <= b >= c, ~a, -a, +a)


match command.split():
    case [action]:
        pass
    case [("go" | "move"), direction] if direction:
        pass
    case {"x": x, **rest}:
        pass
    case Point(x=0) | _:
        pass
