import re

EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
PHONE = re.compile(r"^\(?(\d{3})\)?[-. ]?(\d{3})[-. ]?(\d{4})$")
PASSWORD_RULES = [(r"[A-Z]", "an uppercase letter"), (r"[a-z]", "a lowercase letter"),
                  (r"\d", "a digit"), (r"[^\w\s]", "a symbol"), (r".{8,}", "8 characters")]

for email in ["alice@example.com", "bob.smith+tag@mail.co.uk", "no-at-sign.com", "x@y", "a@b.c"]:
    print(f"{email:28} {'valid' if EMAIL.match(email) else 'invalid'}")
for phone in ["(555) 123-4567", "555.123.4567", "5551234567", "55-1234-567"]:
    m = PHONE.match(phone)
    print(phone, "->", "-".join(m.groups()) if m else None)
for pw in ["hunter2", "Tr0ub4dor&3", "password"]:
    missing = [desc for pattern, desc in PASSWORD_RULES if not re.search(pattern, pw)]
    print(pw, "OK" if not missing else "needs " + ", ".join(missing))
log = "2024-01-05 ERROR disk full; 2024-01-06 WARN cpu hot; 2024-01-07 ERROR net down"
print(re.findall(r"(\d{4}-\d\d-\d\d) (ERROR|WARN)", log))
print(re.sub(r"(\d{4})-(\d\d)-(\d\d)", r"\3/\2/\1", log))
print(re.split(r";\s*", log))
date_re = re.compile(r"(?P<year>\d{4})-(?P<month>\d\d)")
print([m.groupdict() for m in date_re.finditer(log)][:2])
print(re.sub(r"\b(\w)(\w*)", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
try:
    re.compile(r"(unclosed")
except re.error as e:
    print("error:", e)
