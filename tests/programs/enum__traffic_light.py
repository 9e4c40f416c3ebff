# A state machine over an Enum, with auto() values and a lookup table.
from enum import Enum, IntEnum, auto, unique


@unique
class Light(Enum):
    RED = auto()
    GREEN = auto()
    YELLOW = auto()

    def next(self):
        order = list(Light)
        return order[(order.index(self) + 1) % len(order)]

    @property
    def seconds(self):
        return {Light.RED: 30, Light.GREEN: 25, Light.YELLOW: 5}[self]


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


state = Light.RED
elapsed = 0
for step in range(7):
    print(f"{step}: {state.name:<6} for {state.seconds:>2}s (value {state.value})")
    elapsed += state.seconds
    state = state.next()
print("total", elapsed, "seconds; back to", state)

tasks = [("write report", Priority.MEDIUM), ("fix bug", Priority.HIGH), ("lunch", Priority.LOW)]
for name, prio in sorted(tasks, key=lambda t: t[1], reverse=True):
    print(f"[{prio.name}] {name} (priority {prio}, doubled {prio * 2})")
print(Priority(3), Priority["LOW"], Priority.HIGH > Priority.LOW, max(Priority), len(Priority))
counts = {}
for light in [Light.RED, Light.GREEN, Light.RED, Light.YELLOW, Light.RED]:
    counts[light] = counts.get(light, 0) + 1
print(counts)
try:
    Light(9)
except ValueError as e:
    print("ValueError:", e)
try:
    Light["BLUE"]
except KeyError as e:
    print("KeyError:", e)
