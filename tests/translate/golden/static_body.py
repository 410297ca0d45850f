# Module bodies that stay static: generator variables with next(),
# frozenset keys, str.maketrans/translate, key=str.lower, setdefault lists.
words = ["pear", "Apple", "fig", "banana"]
gen = (len(w) for w in words if len(w) > 3)
print(next(gen), next(gen, -1), list(gen))
print(next(gen, 0))
print(sorted(words, key=str.lower), max(words, key=str.upper))
fs = frozenset([3, 1, 2])
groups = {fs: "first", frozenset({1, 2, 3}): "same", frozenset(): "empty"}
print(len(groups), groups[frozenset([2, 3, 1])], len(fs))
leet = str.maketrans({"a": "4", "e": "3"})
print("release".translate(leet), "a-b c".translate(str.maketrans("-", "+", " ")))
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len, str([1, "a", None, (2,)]), set() == set([]))
