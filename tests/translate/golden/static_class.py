"""Static classes: structs with typed fields and impl blocks; instances are
shared (Rc<RefCell<..>>), so aliases see every change."""


class Counter:
    """Counts named events."""

    def __init__(self, name, start=0):
        self.name = name
        self.count = start
        self.history = []

    def bump(self, by):
        self.count += by
        self.history.append(self.count)
        return self.count

    def total(self):
        return sum(self.history)

    def label(self):
        return f"{self.name}={self.count}"


class Team:
    def __init__(self, title):
        self.title = title
        self.members = []

    def add(self, c):
        self.members.append(c)

    def best(self):
        top = self.members[0]
        for m in self.members:
            if m.count > top.count:
                top = m
        return top


def main():
    a = Counter("a")
    b = Counter("b", 10)
    alias = a
    alias.bump(3)
    a.bump(4)
    b.bump(1)
    print(a.label(), b.label(), a.total(), len(a.history))
    team = Team("blue")
    team.add(a)
    team.add(b)
    team.members[0].bump(100)
    print(a.count, team.best().label())
    a.name = "renamed"
    print(team.members[0].name, team.title)


if __name__ == "__main__":
    main()
