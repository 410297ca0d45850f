import string
from typing import Dict, List, Tuple

Graph = Dict[str, List[Tuple[str, int]]]


def build(text: str) -> Graph:
    graph: Graph = {}
    for line in text.strip().splitlines():
        u, v, w = line.split()
        graph.setdefault(u, []).append((v, int(w)))
        graph.setdefault(v, [])
        graph[v].append((u, int(w)))
    return graph


def costs(graph: Graph) -> Dict[str, float]:
    best = {node: float("inf") for node in graph}
    for u in graph:
        for v, w in graph[u]:
            if w < best[v]:
                best[v] = float(w)
    return best


def words(text):
    seen = set()
    out = []
    for raw in text.split():
        w = raw.strip(string.punctuation).lower()
        if w and w not in seen:
            seen.add(w)
            out.append(w)
    return out


def fields(line):
    record = {}
    for f in line.split(";"):
        key, _, value = f.strip().partition("=")
        record[key] = value
    return record


g = build("A B 4\nA C 2\nB C 5")
print(sorted(g), sorted(g["A"]), costs(g))
print(words("The cat, the hat; THE bat!"), fields("a=1; b=x=y; c"))
evens = {n for n in range(0, 12, 2)}
threes = set(range(0, 12, 3))
print(sorted(evens | threes), sorted(evens & threes), sorted(evens - threes), sorted(evens ^ threes))
print(6 in evens, 7 not in evens, {0, 6} <= evens, evens.issuperset({2, 4}), len(threes))
items = [5, 3, 8, 1]
items.remove(8)
del items[0]
items.extend([9, 2] * 2)
del items[-2:]
items.sort(reverse=True)
print(items, sorted(["pear", "Fig", "apple"], key=str.lower), max(["a", "ccc", "bb"], key=len))
d = {"x": 1.5, "y": 2.0}
d.update({"z": 0.5})
print(list(d.keys()), list(d.values()), sorted(d.items()), d.pop("x"), d.pop("q", -1.0))
print(d.setdefault("y", 9.0), d.setdefault("w", 3.25), d.popitem(), d)
del d["y"]
print(d, 1.5.is_integer(), (0.75).as_integer_ratio(), "a,b,c".rsplit(",", 1), "a-b".rpartition("-"))
