if a:
    b = 1

    # comment at block level
  # comment at odd level
    if c:
        d = 2

        e = 3
else:
    f = 4
    

class A:
    pass
        # deeper comment

def g():
    return (1,
  2,
            3)
if tabs:
	x = 1
	if y:
		z = 2
w = 3
