ints = [0, 00, 1, 1_000_000, 0x_FF, 0XdeadBEEF, 0o17, 0O_7, 0b1010, 0B_1_0]
floats = [3.14, 10., .001, 1e10, 1E+10, 1e-1_0, 1.5e3, 1_0.0_1, 0.0, 00.5]
imag = [3j, 3.5J, 1e3j, .5j, 0.j, 1_0j]
attr = 1..real, 1 .imag, x.y
glued = 1if x else 2
