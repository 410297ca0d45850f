import a.b.c as d, e
from . import x
from ...pkg.mod import (y as z, w,)
from .. import *
global g1, g2
@dec
@dec2(1)
async def f(a, b: int = 1, /, c=2, *args: *Ts, d, e=3, **kw) -> "ret":
    nonlocal q
    async with a as b, c:
        pass
    async for x, *y in z:
        await x
    else:
        return
    yield
    yield from gen
    x = yield 1, 2
class C(B, metaclass=M, **kw):
    x: int = 1
    (y): str
    a.b: int
    del a, b[1], (c.d, [e])
    a += 1; b @= 2; c //= 3; d **= 4
with (a as b, c as d,):
    pass
with (a, b) as c:
    pass
with (yield):
    pass
try:
    pass
except (A, B) as e:
    raise X from e
except Exception:
    raise
else:
    pass
finally:
    pass
try:
    pass
except* ValueError:
    pass
while x := f():
    break
else:
    continue
if a:
    pass
elif b:
    pass
elif c:
    pass
else:
    pass
assert x, "msg"
lambda: 0
lambda a, /, b=1, *c, d, **e: a
lambda *, k: k
print(*a, *b, k=1, **c, **d)
x[1:2, ::3, ...] = y[:]
x[a:b:c] = x[(a)]
f(x for x in y if x if not x)
[x async for x in y]
{k: v for k, v in d.items()}
{x for x in y}
{**a, 'b': 1, **c}
(a), b = c = d
*a, b = c
a if b else c if d else e
not a and b or c and not d
a < b <= c != d is not e in f not in g
-x ** -y // ~z % +w @ m >> 1 << 2 & 3 ^ 4 | 5
