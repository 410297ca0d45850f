def shout(word: str, times: int) -> str:
    out = ""
    for _ in range(times):
        out += word.upper() + "!"
    return out


def initials(names: list[str]) -> str:
    letters = [n[0] for n in names if n]
    return ".".join(letters)


name = "ada"
print(shout(name, 2), len(name), name[-1])
print(initials(["grace", "alan", ""]), f"{3.14159:.2f}|{42:>5}|")
