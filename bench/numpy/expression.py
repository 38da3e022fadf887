"""Demand expressions of model.md section 1 (annual demand as a function of t in months), for the yardstick.

The grammar is the contract's: t, numbers, + - * / ^, unary minus, parentheses and the functions
exp log sqrt abs min max floor ceil round, with mathjs's precedence (^ binds tighter than unary minus and
is right-associative, so -2^2 = -4 and 2^3^2 = 2^9). Implicit multiplication (`2t`) is refused with a
clear message rather than guessed at: mathjs's rules for it have exceptions the yardstick does not need.
"""
import math
import re

_TOKEN = re.compile(r"\s*(?:(\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_]\w*)|(\S))")


def _round_half_away(x):
    return math.copysign(math.floor(abs(x) + 0.5), x)


def _safe_log(x):
    return math.log(x) if x > 0 else (-math.inf if x == 0 else math.nan)


_ONE = {
    "exp": lambda x: math.exp(x) if x < 710 else math.inf,
    "log": _safe_log,
    "sqrt": lambda x: math.sqrt(x) if x >= 0 else math.nan,
    "abs": abs,
    "floor": math.floor,
    "ceil": math.ceil,
    "round": _round_half_away,
}
_MANY = {"min": min, "max": max}


def _div(a, b):
    if b != 0:
        return a / b
    return math.copysign(math.inf, a) if a != 0 else math.nan


def _pow(a, b):
    try:
        return math.pow(a, b)
    except (OverflowError, ValueError):
        return math.inf if a > 0 else math.nan


def _tokens(text):
    out = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m:
            break
        number, name, op = m.groups()
        out.append(("num", float(number)) if number else ("name", name) if name else ("op", op))
        pos = m.end()
    return out


class _Parser:
    def __init__(self, text):
        self.text = text
        self.toks = _tokens(text)
        self.i = 0

    def peek(self):
        return self.toks[self.i] if self.i < len(self.toks) else ("end", None)

    def take(self, kind=None, value=None):
        tok = self.peek()
        if (kind and tok[0] != kind) or (value is not None and tok[1] != value):
            raise ValueError(f"demandExpression {self.text!r}: expected {value or kind}, got {tok[1]!r}")
        self.i += 1
        return tok

    def parse(self):
        f = self.sum()
        if self.peek()[0] != "end":
            tok = self.peek()
            what = "implicit multiplication" if tok[0] in ("num", "name") or tok[1] == "(" else repr(tok[1])
            raise ValueError(f"demandExpression {self.text!r}: {what} is not supported by the yardstick")
        return f

    def sum(self):
        f = self.product()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            a, b = f, self.product()
            f = (lambda a, b: lambda t: a(t) + b(t))(a, b) if op == "+" else (lambda a, b: lambda t: a(t) - b(t))(a, b)
        return f

    def product(self):
        f = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            a, b = f, self.unary()
            if op == "*":
                f = (lambda a, b: lambda t: a(t) * b(t))(a, b)
            else:
                f = (lambda a, b: lambda t: _div(a(t), b(t)))(a, b)
        return f

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            x = self.unary()
            return lambda t: -x(t)
        return self.power()

    def power(self):
        base = self.atom()
        if self.peek() == ("op", "^"):
            self.take()
            exponent = self.unary()  # right-associative, and 2^-1 is allowed
            return lambda t: _pow(base(t), exponent(t))
        return base

    def atom(self):
        kind, value = self.peek()
        if kind == "num":
            self.take()
            return lambda t: value
        if kind == "op" and value == "(":
            self.take()
            f = self.sum()
            self.take("op", ")")
            return f
        if kind == "name":
            self.take()
            if value == "t":
                return lambda t: t
            if value not in _ONE and value not in _MANY:
                raise ValueError(f"demandExpression {self.text!r}: unknown name {value!r}")
            self.take("op", "(")
            args = [self.sum()]
            while self.peek() == ("op", ","):
                self.take()
                args.append(self.sum())
            self.take("op", ")")
            if value in _ONE:
                if len(args) != 1:
                    raise ValueError(f"demandExpression {self.text!r}: {value} takes one argument")
                fn, x = _ONE[value], args[0]
                return lambda t: fn(x(t))
            fn = _MANY[value]
            return lambda t: fn(*(a(t) for a in args))
        raise ValueError(f"demandExpression {self.text!r}: unexpected {value!r}")


def compile_expression(text):
    """Returns f(months) -> annual demand for a demand expression."""
    return _Parser(text).parse()
