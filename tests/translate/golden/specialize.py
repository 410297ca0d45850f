# Per-call-type specialisation: a function called with an int and with a str
# argument gets one static copy per argument type; zip(*rows) read as lists.


def grid(rows, cols, fill=0):
    return [[fill] * cols for _ in range(rows)]


def chunks(seq, size):
    return [seq[i:i + size] for i in range(0, len(seq), size)]


def columns(m):
    return [list(col) for col in zip(*m)]


g = grid(2, 3)
g[1][2] = 7
print(g, grid(1, 2, "."))
print(chunks([1, 2, 3, 4, 5], 2), chunks("abcde", 2))
print(columns([[1, 2, 3], [4, 5, 6]]), [sum(c) for c in zip(*g)])
print(" ".join(map(str, g[1])))
