x = a $ b
y = `x`
