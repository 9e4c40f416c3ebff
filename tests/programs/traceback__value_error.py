# An uncaught ValueError from int() on bad text.
def parse_scores(line):
    return [int(part) for part in line.split(",")]
def main():
    for line in ["1,2,3", "4,5", "7,eight,9"]:
        scores = parse_scores(line)
        print(line, "->", sum(scores))
main()
