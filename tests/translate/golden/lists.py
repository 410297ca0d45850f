def evens(limit: int) -> list[int]:
    found = []
    for i in range(limit):
        if i % 2 == 0:
            found.append(i)
    return found


def bump(values: list[int]) -> None:
    for i in range(len(values)):
        values[i] += 1


data = evens(10)
bump(data)
print(data, sum(data), max(data), sorted([3, 1, 2]))
for i, v in enumerate(data):
    if v > 5:
        print("first above 5 at", i)
        break
else:
    print("none above 5")
