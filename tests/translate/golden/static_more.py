def is_palindrome(s):
    cleaned = "".join(ch.lower() for ch in s if ch.isalnum())
    return cleaned == cleaned[::-1]


def window(xs, a, b):
    assert a <= b, "bad range"
    return xs[a:b] + xs[::-2]


def count_words(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return counts


def age_of(name):
    ages = {"ann": 31, "bob": 27}
    if name in ages:
        return ages[name] + len(ages)
    return -1


def row(name, qty, price, width):
    line = "{:<6}|{:>3d}|".format(name, qty) + name.center(8, "*") + format(price, ".1f")
    return line + f"[{price:>{width}.2f}]" + "%s=%d" % (name, qty)


print(row("ab", 3, 2.5, 7))
print(is_palindrome("No lemon, no melon"), window([1, 2, 3, 4, 5], 1, 3), "hello"[1:-1])
print(count_words("a b a c a b"), age_of("bob"), age_of("zed"))
try:
    window([1], 3, 1)
except AssertionError as e:
    print("assert:", e)
