from abc import ABC, abstractmethod
import typing
from typing import List, Dict, Optional, Union, Any, Callable, Tuple, NamedTuple, TypedDict, TypeVar, Generic, ClassVar, Literal, Set, Type, Iterable, Sequence, Mapping, cast, get_origin, get_args, NewType


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def perimeter(self): ...

    @property
    @abstractmethod
    def name(self): ...

    def describe(self):
        return f"{self.name}: area {self.area():.2f}, perimeter {self.perimeter():.2f}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2


class RealSquare(Square):
    name = "square"

    def perimeter(self):
        return 4 * self.side


for cls in (Shape, Square):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
print(RealSquare(3).describe(), isinstance(RealSquare(1), Shape), type(Shape).__name__)
print(sorted(Shape.__abstractmethods__), sorted(Square.__abstractmethods__), RealSquare.__abstractmethods__)


class One(ABC):
    @abstractmethod
    def run(self):
        pass


try:
    One()
except TypeError as e:
    print("TypeError:", e)

print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str])
print(Optional[Union[int, str]], Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., int])
print(Any, ClassVar[int], Literal['a', 1], Union[int], List, Type[int], Set[str], Iterable[int], Sequence[str], Mapping[str, int])
T = TypeVar('T')
print(T, TypeVar('U', covariant=True))


class Stack(Generic[T]):
    def __init__(self):
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)


s = Stack[int]()
s.push(3)
print(Stack[int], s.items, Stack.__mro__)


class Pt(NamedTuple):
    x: int
    y: int = 0

    def norm(self):
        return abs(self.x) + abs(self.y)


print(Pt(1), Pt(1, -2).norm(), Pt._fields, Pt._field_defaults, Pt(3, 4) == (3, 4))


class Movie(TypedDict):
    name: str
    year: int


m = Movie(name='Up', year=2009)
print(m, type(m), Movie.__annotations__)
UserId = NewType('UserId', int)
print(cast(int, 'x'), get_origin(List[int]), get_args(Dict[str, int]), get_args(Optional[int]), UserId(5), UserId)
print(int | None == Optional[int], Union[int, str] == Union[str, int], int | str, list[int] | None)


def lookup(table: Dict[str, int], key: str, default: Optional[int] = None) -> Optional[int]:
    return table.get(key, default)


print(lookup({"a": 1}, "a"), lookup({}, "b", 7))
try:
    List[int]([1, 2])
except TypeError as e:
    print("TypeError:", e)


class Account:
    rate: ClassVar[float] = 0.02
    owner: str
    balance: float = 0.0


print(Account.__annotations__, typing.get_type_hints(Account))
