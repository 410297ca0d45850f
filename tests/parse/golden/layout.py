# comments, blank lines, continuation, semicolons, and non-ASCII columns
x = 1 ; y = 2 ;

if (a and
        b):  # comment
    z = "é" + \
        "ü"; w = 'ｗｉｄｔｈ'
ｗｉｄｔｈ = µ = 1
def g():
    '''doc'''

    return (
        1,
        2,
    )
