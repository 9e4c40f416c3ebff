# Parsing log lines with named groups, Match objects and a compiled pattern.
import re

LOG = """\
2024-03-01 12:00:01 INFO  server started on port 8080
2024-03-01 12:00:05 WARN  disk usage at 91%
2024-03-01 12:01:17 ERROR failed to open /var/data/users.db: permission denied
garbage line
2024-03-01 12:02:00 INFO  user alice logged in from 10.0.0.7
2024-03-01 12:03:30 ERROR timeout after 30s talking to 10.0.0.9
"""

LINE = re.compile(r"(?P<date>\d{4}-\d\d-\d\d) (?P<time>[\d:]{8}) (?P<level>[A-Z]+)\s+(?P<msg>.*)")
print(LINE)
print(LINE.pattern[:20], LINE.groups, LINE.groupindex)
levels = {}
for line in LOG.splitlines():
    m = LINE.match(line)
    if not m:
        print("unparsed:", repr(line))
        continue
    levels.setdefault(m["level"], []).append(m["time"])
    if m.group("level") == "ERROR":
        print(m)
        print(" ", m.group("time", "msg"), m.lastgroup, m.lastindex, m.span("msg"))
print(levels)
print(re.findall(r"\b(?:\d{1,3}\.){3}\d{1,3}\b", LOG))
print(re.findall(r"^(\S+) \S+ ERROR", LOG, re.MULTILINE))
m = re.search(r"(?P<n>\d+)%", LOG)
print(m.group(0), m.group(1), m.start("n"), m.groups(), m.groupdict(), m.expand(r"usage=\g<n> (\1)"))
print(m.string is LOG, m.re.pattern, m.pos, m.endpos == len(LOG), m.regs)
m = re.match(r"(\d+)?-(\w+)?", "-x")
print(m.groups(), m.groups("?"), m.groupdict(), m.span(1), m.start(1), m[2], m.lastindex)
p = re.compile(r"\d+")
print(p.search("ab12cd345", 4), p.match("ab12cd345", 2), p.match("ab12cd345", 2, 3), p.findall("1 22 333", 2))
print(p.fullmatch("123"), p.fullmatch("123a"), p.search("abc"))
for m in re.finditer(r"(\w+)=(\d+)", "a=1, bb=22, ccc=333"):
    print(m.group(1), int(m.group(2)) * 2, m.span())
