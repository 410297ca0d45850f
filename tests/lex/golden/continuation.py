total = 1 + \
    2 + \
        3
if total \
   and True:
    pass
assert (a,
        b), \
    "message"
d = {
    'k': [1, 2,
          3],  # comment inside brackets

}
