import sys

def main(argv):
    print("program:", argv[0].rsplit("/", 1)[-1], "args:", argv[1:2] and "one" or "none")
    data = [3, 1, 2]
    if sorted(data) != [1, 2, 3]:
        return 1
    print("data ok")
    try:
        sys.exit(3)
    except SystemExit as e:
        print("intercepted exit", e.code)
    print("still running", file=sys.stderr)
    sys.exit("fatal: configuration missing")

if __name__ == "__main__":
    main(sys.argv)
