# string constants, capwords, and Template substitution with its errors.
import string
from string import Template

print(string.ascii_lowercase, string.ascii_uppercase, string.digits)
print(string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable), string.ascii_letters[20:30])
print(string.capwords("hello   world, this is python"), string.capwords("a-b-c", "-"))
print([c for c in "Hello, World 42!" if c in string.ascii_letters])
shift = 3
table = str.maketrans(string.ascii_lowercase, string.ascii_lowercase[shift:] + string.ascii_lowercase[:shift])
print("attack at dawn".translate(table))
t = Template("$who likes $what, costs $$${price} (${who})")
print(t.substitute(who="Tim", what="kung pao", price=5))
print(t.substitute({"who": "Ann", "what": "tea"}, price="3.50"))
print(t.safe_substitute(who="Bo"), t.get_identifiers(), t.is_valid())
print(Template("$a$b ${c}d $").safe_substitute(a=1), Template("$5 and $").is_valid())
letter = Template("Dear $name,\nYou owe $amount.\n")
for name, amount in [("Ann", "$10"), ("Bob", "$3")]:
    print(letter.substitute(name=name, amount=amount), end="")
try:
    Template("$who is $missing").substitute(who="x")
except KeyError as e:
    print("KeyError", e)
try:
    Template("line one\nbad $ here").substitute()
except ValueError as e:
    print("ValueError:", e)
Template("${unclosed").substitute(unclosed=1)
