# `from __future__ import annotations` (and the other 3.11 features) import fine.
from __future__ import annotations
from __future__ import generator_stop, division
import __future__


def area(width: Rectangle, height: float) -> float:
    return width * height


class Rectangle:
    side: Rectangle

    def scale(self, factor: float) -> Rectangle:
        return self


print(area(3, 4.5), Rectangle().scale(2) is not None)
print('annotations' in __future__.all_feature_names)
