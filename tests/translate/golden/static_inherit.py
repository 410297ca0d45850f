"""Single inheritance of static classes: overriding, super(), class tests."""
import math


class Animal:
    def __init__(self, name, legs):
        self.name = name
        self.legs = legs
        self.sounds = []

    def speak(self):
        return "..."

    def describe(self):
        return f"{self.name} ({self.legs} legs) says {self.speak()}"

    def weight(self):
        return self.legs * 2

    def __str__(self):
        return f"<{self.name}>"


class Dog(Animal):
    def __init__(self, name, tricks=0):
        super().__init__(name, 4)
        self.tricks = tricks

    def speak(self):
        return "woof"

    def learn(self):
        self.tricks += 1
        self.sounds.append("yip")


class Puppy(Dog):
    def speak(self):
        return super().speak() + "!"

    def describe(self):
        return "tiny " + super().describe()


class Bird(Animal):
    def __init__(self, name, span):
        super().__init__(name, 2)
        self.span = span

    def speak(self):
        return "tweet"

    def weight(self):
        return self.span * 4

    def __str__(self):
        return f"<bird {self.name} {self.span}>"


def loudest(animals):
    return max(animals, key=lambda a: len(a.speak()))


rex = Dog("rex", 2)
rex.learn()
zoo = [Animal("blob", 0), rex, Puppy("bit"), Bird("tweety", 0.25)]
for a in zoo:
    print(a.describe())
print([str(a) for a in zoo], rex.sounds, rex.tricks)
print("dogs:", sum(1 for a in zoo if isinstance(a, Dog)), "puppies:", sum(1 for a in zoo if type(a) is Puppy))
print("loudest:", loudest(zoo), sorted(zoo, key=lambda a: a.legs)[0].name)
print(issubclass(Puppy, Animal), issubclass(Bird, Dog), Puppy.__mro__[1].__name__, Bird.__bases__[0].__name__, Dog.__name__)
print(round(math.pi * Bird("b", 1.5).span, 3), Dog("d", 1).tricks)
print([a.weight() for a in zoo], round(max(a.weight() for a in zoo), 1))
