class Temperature:
    def __init__(self, celsius=0.0):
        self.celsius = celsius
    @property
    def celsius(self):
        return self._celsius
    @celsius.setter
    def celsius(self, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"expected a number, got {type(value).__name__}")
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value
    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self.celsius = (f - 32) * 5 / 9
    @classmethod
    def from_fahrenheit(cls, f):
        t = cls()
        t.fahrenheit = f
        return t
    @staticmethod
    def describe(c):
        return "hot" if c > 30 else "cold" if c < 10 else "mild"
    def __repr__(self):
        return f"Temperature({self._celsius:.1f})"

t = Temperature(25)
print(t, t.fahrenheit, Temperature.describe(t.celsius))
t.fahrenheit = 212
print(t, Temperature.from_fahrenheit(50), Temperature.describe(-5))
for bad in ("hot", -300):
    try:
        t.celsius = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
class Plain:
    pass
s = Plain()
s.a = 1
try:
    s.b = 2
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(t, "missing", "default"), hasattr(t, "celsius"), vars(t))
