CONVERSIONS = {
    ("km", "mi"): 0.621371, ("mi", "km"): 1.609344,
    ("kg", "lb"): 2.20462, ("lb", "kg"): 0.453592,
    ("l", "gal"): 0.264172,
}

def convert(value, frm, to):
    if frm == to:
        return value
    if (frm, to) in CONVERSIONS:
        return value * CONVERSIONS[(frm, to)]
    if frm == "c" and to == "f":
        return value * 9 / 5 + 32
    if frm == "f" and to == "c":
        return (value - 32) * 5 / 9
    raise KeyError(f"no conversion {frm}->{to}")

for value, frm, to in [(10, "km", "mi"), (26.2, "mi", "km"), (100, "c", "f"), (-40, "f", "c"),
                       (70, "kg", "lb"), (3, "l", "gal"), (5, "km", "kg")]:
    try:
        result = convert(value, frm, to)
        print(f"{value:>6} {frm:<3} = {result:10.4f} {to}")
    except KeyError as e:
        print("cannot convert:", e)
print([round(convert(c, "c", "f"), 1) for c in range(-10, 41, 10)])
table = {f: round(convert(f, "f", "c"), 2) for f in (0, 32, 98.6, 212)}
print(table)
print(round(2.675, 2), round(0.5), round(1.5), round(-2.5), f"{2.675:.2f}", 1e16, 1.0e-5, 123456789.0 * 10)
