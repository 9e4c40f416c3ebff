class Matrix:
    def __init__(self, rows):
        if len({len(r) for r in rows}) != 1:
            raise ValueError("ragged rows")
        self.rows = [list(r) for r in rows]
    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])
    def __add__(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __mul__(self, k):
        return Matrix([[k * a for a in r] for r in self.rows])
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def transpose(self):
        return Matrix(list(map(list, zip(*self.rows))))
    def __repr__(self):
        width = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join(" ".join(f"{x:>{width}}" for x in r) for r in self.rows)

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b, a @ b, 2 * a, a.transpose(), sep="\n--\n")
print(a[1, 0], a.shape, a == Matrix([[1, 2], [3, 4]]), a != b)
identity = Matrix([[1, 0], [0, 1]])
print(a @ identity == a)
try:
    a + Matrix([[1, 2, 3]])
except ValueError as e:
    print(e)
try:
    Matrix([[1], [2, 3]])
except ValueError as e:
    print(e)
