match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"x": 1, **rest}:
        pass
    case {Color.RED: _, 1: [*_]}:
        pass
    case [1, 2, *others] if others:
        pass
    case (1 | 2) as n:
        pass
    case -1 | 1.5 | 2 + 3j | -4 - 5j | "s" "t" | b"b" | None | True | False:
        pass
    case ():
        pass
    case (x,):
        pass
    case a.b.c:
        pass
    case _:
        pass
match x, *y:
    case 1, *_:
        pass
match = 1
match.x = 2
match(x)
case = 3
_ = match[1]
