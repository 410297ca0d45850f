"""Keyword, default and starred arguments in the dynamic mode."""


def tag(name, *items, sep=", ", **attrs):
    text = name + ": " + sep.join(items)
    for k in sorted(attrs):
        text += f" {k}={attrs[k]}"
    return text


def collect(item, bucket=[]):
    # the default list is made once and shared by every call
    bucket.append(item)
    return bucket


def twice(fn):
    def wrapper(*args, **kwargs):
        return [fn(*args, **kwargs), fn(*args, **kwargs)]
    return wrapper


print(tag("a"), tag("b", "x", "y", sep="|", color="red"))
print(collect(1), collect(2))
opts = {"sep": "/", "size": 3}
print(tag("c", *["p", "q"], **opts))
print(twice(tag)("d", "z", big=True))
print(*[1, 2], *(3,), sep="-", end="!\n")
