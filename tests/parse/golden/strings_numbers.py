a = 'it''s' "q\"uote" 'both\'"', b'\x00\xff\n\t\\' rb'\d' br"raw"
b = '\N{BULLET} \N{NBSP} \N{LINE FEED} \N{LATIN SMALL LETTER A WITH GRAVE} \u00e9 \U0001F600 \x7f \ud800 \0 \777'
c = '\u200b\u00a0\u2028 tab\t cr\r nl\n' u'kind' 'é' "日本"
d = """multi
line\
continued""" '''x'''
n = 0x_FF + 0o777 + 0b1010 + 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF + 1_000_000 + 00
f = 1.0 + 1e22 + 1e-5 + 0.1 + 100.0 + 1e16 + 1e15 + 1.5e300 + 1e999 + .5 + 5. + 3.14_15
j = 1j + 1.5j + 1e999j + 0j + 10J + 1e16j + 2.5e-7j
e = ... , None, True, False
