"""One module, two lowerings: `total` is typed statically, `parse` and
`report` need exceptions and stay dynamic; the calls between them convert."""


def parse(text):
    value = -1
    try:
        value = int(text)
    except ValueError:
        print("not a number:", text)
    return value


def total(words):
    s = 0
    for w in words:
        s += parse(w)
    return s


def report(words):
    try:
        print("total", total(words))
    except ValueError:
        print("bad input")


report(["1", "x", "3"])
print(total(["4", "5"]) * 2)
