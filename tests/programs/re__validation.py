# Validating user input with re: emails, phone numbers, postcodes, passwords.
import re

EMAIL = re.compile(r"^[\w.+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
PHONE = re.compile(r"^(\+\d{1,3}[ -]?)?\(?\d{3}\)?[ -]?\d{3}-?\d{4}$")

for address in ["alice@example.com", "bob.smith+news@mail.co.uk", "no-at-sign.com",
                "x@y", "trailing@dot.com.", "ünï@example.org", "two@@example.com"]:
    print(f"{address!r:30} {'valid' if EMAIL.match(address) else 'invalid'}")

for number in ["555-123-4567", "(555) 123-4567", "+1 555 123 4567", "5551234567",
               "555-1234", "+44-207-123-4567", "phone: 555-123-4567"]:
    m = PHONE.fullmatch(number)
    print(f"{number!r:25} {m is not None} {m.group(1) if m else None}")


def strong(password):
    checks = [r".{8,}", r"[A-Z]", r"[a-z]", r"\d", r"[^\w\s]"]
    return [bool(re.search(c, password)) for c in checks]


for pw in ["hunter2", "Tr0ub4dor&3", "correcthorsebatterystaple", "P@ssw0rd"]:
    print(pw, strong(pw), all(strong(pw)))

date = re.compile(r"(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>\d\d)")
for text in ["2024-02-29", "1999-13-01", "due 2023-07-04!", "20240101"]:
    m = date.search(text)
    print(text, m, m and m.groupdict(), m and m.span("month"))

print(re.fullmatch(r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}", "SW1A 1AA", re.I))
print(re.fullmatch(r"(?i)[a-z]+", "MiXeD"), re.match(r"\d+", "٣٤٥"), re.match(r"\d+", "٣٤٥", re.A))
print(bool(re.match(r"^\s*$", "  \t ")), re.match(r"(?x) \d{3}  # area\n -? \d{4}", "555-1234"))
