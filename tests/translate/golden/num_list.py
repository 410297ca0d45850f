def pick(flag):
    if flag:
        return 3
    return 2.5


def stats(xs):
    lo = min(xs)
    hi = max(xs)
    return lo, hi, sum(xs) / len(xs)


vals = [pick(True), pick(False), 7]
print(vals, stats(vals), sorted(vals), 3 in vals, vals[0] * 2, -vals[1])
d = {"a": pick(True), "b": pick(False)}
d["c"] = 4
print(d, d["a"] + d["b"], f"{d['a']!r} {d['b']:>6.2f}")
best = 0
for v in vals:
    if v > best:
        best = v
print(best, best == 7, best != 7.0, abs(best - 10), round(best / 2), pow(best, 2))
xs = [1, 2.0]
xs.sort()
print(xs, max(1, 2.0), min(2.0, 1))
