import operator

OPS = {"+": (1, operator.add), "-": (1, operator.sub), "*": (2, operator.mul),
       "/": (2, operator.truediv), "^": (3, operator.pow)}

def tokenize(expr):
    tokens, num = [], ""
    for ch in expr:
        if ch.isdigit() or ch == ".":
            num += ch
            continue
        if num:
            tokens.append(float(num) if "." in num else int(num))
            num = ""
        if ch in OPS or ch in "()":
            tokens.append(ch)
        elif not ch.isspace():
            raise SyntaxError(f"unexpected character {ch!r}")
    if num:
        tokens.append(float(num) if "." in num else int(num))
    return tokens

def to_rpn(tokens):
    out, stack = [], []
    for t in tokens:
        if isinstance(t, (int, float)):
            out.append(t)
        elif t == "(":
            stack.append(t)
        elif t == ")":
            while stack[-1] != "(":
                out.append(stack.pop())
            stack.pop()
        else:
            while stack and stack[-1] != "(" and (OPS[stack[-1]][0] > OPS[t][0] or (OPS[stack[-1]][0] == OPS[t][0] and t != "^")):
                out.append(stack.pop())
            stack.append(t)
    return out + stack[::-1]

def evaluate(rpn):
    stack = []
    for t in rpn:
        if t in OPS:
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[t][1](a, b))
        else:
            stack.append(t)
    return stack[0]

for expr in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "10 / 4 - 1.5", "7 - (2 - 3) * 4", "8 / (3 - 3)", "2 $ 3"]:
    try:
        rpn = to_rpn(tokenize(expr))
        print(f"{expr:18} => {' '.join(map(str, rpn)):20} = {evaluate(rpn)}")
    except (ZeroDivisionError, SyntaxError) as e:
        print(f"{expr:18} => error: {type(e).__name__}: {e}")
