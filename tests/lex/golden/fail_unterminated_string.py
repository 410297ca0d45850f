x = "unterminated
y = 2
