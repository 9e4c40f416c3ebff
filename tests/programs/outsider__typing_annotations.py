from typing import Optional, Union, List, Dict, Tuple, Callable, TypeVar, Generic, NamedTuple

T = TypeVar("T")

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> None:
        self.items.append(item)
    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None

class Employee(NamedTuple):
    name: str
    salary: float = 1000.0

def apply(f: Callable[[int], int], xs: List[int]) -> List[int]:
    return [f(x) for x in xs]

def lookup(d: Dict[str, int], key: str, default: Union[int, None] = None) -> Optional[int]:
    return d.get(key, default)

s: Stack[int] = Stack()
s.push(1)
s.push(2)
print(s.pop(), s.pop(), s.pop())
print(Employee("Ann"), Employee("Bo", 2.5)._asdict(), Employee.__annotations__)
print(apply(lambda x: x * 3, [1, 2, 3]), lookup({"a": 1}, "b", 0), lookup({"a": 1}, "a"))
def pair(a: int, b: str = "x") -> Tuple[int, str]:
    return a, b
print(pair(1), Optional[int], List[int], Dict[str, List[int]])
x: int = 5
print(__annotations__ if "__annotations__" in dir() else None)
