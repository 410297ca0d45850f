# Where big integers come from (recursion, products and sums carried by a loop,
# shifts) and where they go (lists, divmod, floats, format specs, a dynamic
# function, range); the hash taken modulo stays i64.

def fact_rec(n):
    if n <= 1:
        return 1
    return n * fact_rec(n - 1)


def power(b, e):
    if e == 0:
        return 1
    half = power(b, e // 2)
    if e % 2 == 0:
        return half * half
    return half * half * b


def collatz_peak(n):
    peak = n
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        if n > peak:
            peak = n
    return peak


def hash_str(s):
    h = 0
    for c in s:
        h = h * 31 + ord(c)
    return h


def hash_mod(s):
    h = 0
    for c in s:
        h = (h * 31 + ord(c)) % 1000000007
    return h


def doubling(n):
    x = 1
    for _ in range(n):
        x = x + x
    return x


def shifts(n):
    v = 1
    for _ in range(n):
        v <<= 3
    return v, v >> 100, v & 255


def describe(x):
    try:
        return "big" if x > 2 ** 64 else "small"
    except ValueError:
        return "?"


vals = [fact_rec(i) for i in range(18, 23)]
print(vals, sorted(vals)[4], min(vals[0], vals[1]))
print(power(3, 45), power(2, 10), collatz_peak(27), collatz_peak(77031))
print(hash_str("hello world, this is long"), hash_mod("hello world, this is long"))
print(doubling(70), shifts(30))
q, r = divmod(fact_rec(25), 10 ** 9)
print(q, r, divmod(-fact_rec(21), 7))
big = fact_rec(30)
print(big > 1.5e32, big < 3e32, big == fact_rec(30), big != 0, float(big), big / 3)
print(hex(big), bin(2 ** 66), int(str(big)) + 1)
print(describe(big), describe(5))
print(f"{big:>45}|{big:x}|{-big:,}")
total = 0
for v in vals:
    total += v
print(total, sum(vals), abs(-total), -(-total), +total)
for i in range(fact_rec(3)):
    print(i, end=" ")
print()
if big:
    print("truthy", not big)
