# A grade report built in a StringIO, then parsed back like a small CSV file.
import io
import sys

grades = {"ana": [90, 85, 77], "ben": [60, 72, 58], "chloe": [100, 95, 98]}


def write_report(out):
    print("name,average,passed", file=out)
    for name, marks in sorted(grades.items()):
        avg = sum(marks) / len(marks)
        print(name, f"{avg:.1f}", avg >= 65, sep=",", file=out)


buf = io.StringIO()
write_report(buf)
text = buf.getvalue()
print(text, end="")
print(len(text.splitlines()), "lines,", buf.tell(), "characters")

reader = io.StringIO(text)
header = next(reader).rstrip("\n").split(",")
for line in reader:
    row = dict(zip(header, line.rstrip("\n").split(",")))
    print(f"{row['name']:>6}: {row['average']:>5} {'pass' if row['passed'] == 'True' else 'FAIL'}")

saved = sys.stdout
sys.stdout = io.StringIO()
print("captured", 1, 2)
captured = sys.stdout.getvalue()
sys.stdout = saved
print("captured text:", repr(captured))
