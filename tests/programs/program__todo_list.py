# A command-driven to-do list reading commands with input().
todos = []
def show():
    if not todos:
        print("  (nothing to do)")
    for i, (text, done) in enumerate(todos, 1):
        print(f"  {i}. [{'x' if done else ' '}] {text}")
print("commands: add TEXT | done N | undo N | del N | list | clear | quit")
while True:
    command = input("todo> ").strip()
    name, _, arg = command.partition(" ")
    if name == "add" and arg:
        todos.append((arg, False))
        print(f"added #{len(todos)}")
    elif name in ("done", "undo", "del"):
        try:
            index = int(arg) - 1
            if not 0 <= index < len(todos):
                raise IndexError
        except ValueError:
            print(f"  not a number: {arg!r}")
            continue
        except IndexError:
            print(f"  no item {arg}")
            continue
        if name == "del":
            print("  deleted", todos.pop(index)[0])
        else:
            todos[index] = (todos[index][0], name == "done")
    elif name == "list":
        show()
    elif name == "clear":
        todos = [t for t in todos if not t[1]]
        print(f"  {len(todos)} left")
    elif name == "quit":
        break
    else:
        print(f"  unknown command {command!r}")
remaining = sum(1 for _, done in todos if not done)
print(f"bye: {remaining} of {len(todos)} still to do")
