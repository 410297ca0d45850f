x = f"{a} {a}"
y = (f"ab{ a.b }"
  f"{c!r:>{w}}" "z")
z = f"""
  abc {a
 + b} {c}"""
t = f"{a, b}" f"{x=}" f'{y = !s:3}'
u = f"""{
 a, b}""" if False else f'{a:{b}{c}d}'
v = ("a"
 f"{a:>{b}x}" "c")
w = f'{"nested" + f"{inner!a}"}' rf'\d{x}' F"{x:{'>'}10}"
e = f'' f'a' '' u'x' f'{{}}{{{x}}}'
k = f"{x:=^10}" f"{x!r:}" f"{x!s:>{w}}" if 0 else f"{(lambda: 1)()}"
