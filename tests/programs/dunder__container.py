# Container dunders: __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__, __bool__.
class Playlist:
    def __init__(self, name, songs=None):
        self.name = name
        self.songs = list(songs or [])
    def __len__(self):
        return len(self.songs)
    def __getitem__(self, index):
        return self.songs[index]
    def __setitem__(self, index, value):
        self.songs[index] = value
    def __delitem__(self, index):
        del self.songs[index]
    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self.songs)
    def __iter__(self):
        return iter(self.songs)
    def __bool__(self):
        return len(self.songs) > 0
p = Playlist("mix", ["Blue", "Red", "Green", "Gold"])
print(len(p), p[0], p[-1], p[1:3])
p[1] = "Crimson"
del p[0]
print(list(p), "crimson" in p, "Blue" in p)
for i, song in enumerate(p):
    print(i, song)
print(bool(p), bool(Playlist("empty")), sorted(p), max(p))
if not Playlist("e"):
    print("empty playlist is falsy")
class Squares:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
print(list(Squares(5)), 9 in Squares(5), 10 in Squares(5))
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
print(list(Countdown(5)), sum(Countdown(100)))
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def __getitem__(self, pos):
        r, c = pos
        return self.rows[r][c]
    def __len__(self):
        return len(self.rows)
m = Matrix([[1, 2], [3, 4]])
print(m[0, 1], m[1, 0], len(m))
class Registry:
    def __init__(self):
        self.data = {}
    def __getitem__(self, key):
        return self.data.get(key, f"<no {key}>")
    def __setitem__(self, key, value):
        print(f"setting {key!r}")
        self.data[key] = value
r = Registry()
r["a"] = 1
print(r["a"], r["zz"])
