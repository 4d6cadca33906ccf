"""Results kept per object for as long as a visitor's kernel shows it.

Projects and selections hold DataFrames, so they cannot be dictionary keys; a page still
wants the network of a selection built once however many panels draw from it, and the
whole project's layout or scorecard computed once per visit.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from typing import Callable, TypeVar

Result = TypeVar("Result")


def by_identity(maxsize: int) -> Callable[[Callable[[object], Result]], Callable[[object], Result]]:
    """Cache a one-argument function on its argument's identity (the last ``maxsize`` ones).

    The argument is kept with the result, so a new object can never reuse an old id.

    Examples
    --------
    >>> calls = []
    >>> @by_identity(2)
    ... def size(frame):
    ...     calls.append(1)
    ...     return len(frame)
    >>> table = [1, 2, 3]
    >>> size(table), size(table), len(calls)
    (3, 3, 1)
    """
    def decorate(function: Callable[[object], Result]) -> Callable[[object], Result]:
        kept: "OrderedDict[int, tuple[object, Result]]" = OrderedDict()

        @functools.wraps(function)
        def cached(argument: object) -> Result:
            hit = kept.get(id(argument))
            if hit is not None and hit[0] is argument:
                kept.move_to_end(id(argument))
                return hit[1]
            result = function(argument)
            kept[id(argument)] = (argument, result)
            while len(kept) > maxsize:
                kept.popitem(last=False)
            return result

        return cached

    return decorate
