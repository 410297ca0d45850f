a = 'single' "double" u'unicode' U"UNICODE"
b = b'bytes' B"BYTES" br'raw\d' Rb"RAW" bR'x' RB'y' rb'z'
c = r'\n' R"\t" f'{a!r:>10}' F"{b}" fr'{c}\d' Rf"{d}" rF'{e}' FR"{f}"
d = '''triple
with 'quotes' and "quotes"
'''
e = """another
\"""escaped\"""
"""
f = 'continued \
string'
g = f"nested {'quotes'} and {x:{width}}"
h = 'it\'s' "say \"hi\"" '\\'
i = ''
j = """"""
k = 'é ü 漢字 🐍 \x00 \u200b'
