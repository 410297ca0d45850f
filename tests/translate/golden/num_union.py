def show(x):
    print(x, f"{x:.2f}", f"{x}", round(x, 1), abs(-x), str(x))
    return x * 2


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return self.r * self.r * 3

    def grow(self, k):
        self.r += k


print(show(1), show(2.5))
c = Circle(1)
d = Circle(0.5)
print(c.r, d.r, c.area(), d.area(), round(c.area(), 3), round(d.area(), 3))
c.grow(2)
print(c.r, c.r > d.r, c.r == 3, d.r < 1, c.r / 2, c.r // 2, c.r % 2, -c.r)
vals = [1, 2.5, 3]
print(vals, sum(vals), max(vals), min(vals), sorted(vals))
total = 0
for v in vals:
    total += v
print(total, int(total), float(c.r), max(c.r, d.r))
