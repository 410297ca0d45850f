"""User exception classes raised and caught in static functions."""


class AppError(Exception):
    """Base of the app's errors."""


class ParseError(AppError, ValueError):
    def __init__(self, line, msg):
        super().__init__(f"line {line}: {msg}")
        self.line = line
        self.msg = msg


class DeepParseError(ParseError):
    pass


class CodeError(AppError):
    def __init__(self, code):
        AppError.__init__(self, code, "failed")
        self.code = code


class Plain(AppError):
    pass


def parse(text, line):
    if text == "":
        raise ParseError(line, "empty")
    if text.startswith("#"):
        raise DeepParseError(line, "comment")
    if text == "bad":
        raise CodeError(7)
    if text == "plain":
        raise Plain("just", 2)
    return len(text)


def run(lines):
    total = 0
    for i, t in enumerate(lines):
        try:
            total += parse(t, i + 1)
        except ParseError as e:
            print("parse error at", e.line, "-", e.msg, "|", e, "|", e.args, type(e).__name__)
        except CodeError as e:
            print("code", e.code, e.args, str(e), isinstance(e, AppError), isinstance(e, ValueError))
        except AppError as e:
            print("app error", e, type(e).__name__, isinstance(e, (KeyError, Plain)))
    return total


def check(n):
    try:
        if n > 2:
            raise ParseError(n, "too big")
    except ValueError as e:
        print("as ValueError:", e, isinstance(e, AppError), isinstance(e, ParseError))
        raise
    return n


print(run(["ab", "", "#x", "bad", "plain", "cde"]))
print(check(1))
try:
    check(5)
except AppError as err:
    print("re-raised:", type(err).__name__, err)
try:
    try:
        raise CodeError(3)
    except CodeError as first:
        print("first", first.code)
        raise first
except Exception as again:
    print("again", again)
raise DeepParseError(9, "fatal")
