# A reverse-Polish-notation calculator reading expressions with input() until EOF.
import math
OPS = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": lambda a, b: a / b,
    "//": lambda a, b: a // b,
    "%": lambda a, b: a % b,
    "^": lambda a, b: a ** b,
}
def evaluate(line):
    stack = []
    for token in line.split():
        if token in OPS:
            if len(stack) < 2:
                raise ValueError(f"not enough operands for {token}")
            b, a = stack.pop(), stack.pop()
            stack.append(OPS[token](a, b))
        elif token == "sqrt":
            stack.append(math.sqrt(stack.pop()))
        elif token == "dup":
            stack.append(stack[-1])
        else:
            stack.append(float(token) if "." in token else int(token))
    if len(stack) != 1:
        raise ValueError(f"stack has {len(stack)} items: {stack}")
    return stack[0]
count = 0
while True:
    try:
        line = input("rpn> ")
    except EOFError:
        print()
        break
    if not line.strip():
        continue
    count += 1
    try:
        print(f"{line.strip()} = {evaluate(line)}")
    except ZeroDivisionError:
        print("error: division by zero")
    except (ValueError, IndexError) as e:
        print("error:", e)
print(count, "expressions")
