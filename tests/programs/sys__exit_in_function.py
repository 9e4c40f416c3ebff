# sys.exit with an integer from deep inside functions and loops.
import sys
def check(values):
    for v in values:
        print("checking", v)
        if v < 0:
            print("negative value found", file=sys.stderr)
            sys.exit(2)
def main():
    check([3, 1, -4, 1, 5])
main()
