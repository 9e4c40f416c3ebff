balance = 0
history = []
commands = ["deposit 100", "withdraw 30", "withdraw 500", "balance", "deposit abc", "history", "oops", "quit", "deposit 1"]
i = 0
while True:
    cmd = commands[i]
    i += 1
    parts = cmd.split()
    action = parts[0]
    if action == "quit":
        print("bye")
        break
    elif action in ("deposit", "withdraw"):
        try:
            amount = int(parts[1])
        except ValueError:
            print(f"not a number: {parts[1]}")
            continue
        if action == "withdraw" and amount > balance:
            print("insufficient funds")
            continue
        balance += amount if action == "deposit" else -amount
        history.append((action, amount))
        print(f"{action} ok, balance {balance}")
    elif action == "balance":
        print("balance:", balance)
    elif action == "history":
        for n, (a, amt) in enumerate(history, 1):
            print(f"  {n}. {a:<8} {amt:>5}")
    else:
        print("unknown command", repr(action))
else:
    print("never")
print("processed", i, "commands")
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps:", steps)
