"""YAML to Python values, bounded: built from the parser's events, never from a node graph.

Why not ``yaml.load``: PyYAML first composes a node for every value (about half a
kilobyte each, so a 30 MB file of ten million ``[]`` took 7 GB before anything could
object), expands aliases into shared structure that later code walks once per reference,
and lets a second ``text:`` silently replace the first. Here values are built straight
from the C parser's events, counted as they come, and refused past MAX_NODES.

Aliases are refused outright rather than counted: a knowledge file is hand-edited
reference text (the bundled one has none), an alias is the only way a small file can
expand into large work, and an error message can then always point at one place in the
file. Without aliases the characters after expansion are the characters in the file,
which the loader already bounds by size. Merge keys (``<<``) need aliases to be useful
and are refused too, so no PyYAML version's merge behaviour matters.
"""

from __future__ import annotations

from typing import Any

from fopinfo.model import Problem

# A 100,000-statement file (about 87 MB) has about 1.3 million values: four times that
# still loads, while five million of the smallest values ([] or {}) stay far below 1 GB.
MAX_NODES = 5_000_000

_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_NO_ALIAS = "aliases (*name) are not allowed in a knowledge file; write the value out in full"
_NO_MERGE = "merge keys (<<) are not allowed in a knowledge file; write the keys out"
_COLLECTION_TAGS = (None, "!", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map")


class Refused(Exception):
    """Valid YAML that a knowledge file may not contain; ``where`` is a yaml Mark or None."""

    def __init__(self, message: str, where: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where


def loader_class() -> Any:
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def reader_position(error: Any, text: str) -> tuple[int, int]:
    """Line and column (from 1) of a ReaderError, which carries only an offset.

    libyaml counts UTF-8 bytes, PyYAML's own reader characters. Lines end where YAML ends
    them (CR LF, CR, LF, NEL, LS, PS). Only called on the error path.
    """
    import re

    position = error.position
    if loader_class().__name__.startswith("C"):
        position = len(text.encode("utf-8", "surrogatepass")[:position].decode("utf-8", "ignore"))
    breaks = list(re.finditer("\r\n|[\r\n\x85\u2028\u2029]", text[:position]))
    return len(breaks) + 1, position - (breaks[-1].end() if breaks else 0) + 1


def read_yaml(text: str, max_nodes: int = MAX_NODES) -> tuple[Any, list[Problem]]:
    """The document's value, and the duplicate keys found (each a Problem with its line).

    Raises yaml.YAMLError for invalid YAML and Refused for what knowledge files may not hold.
    """
    from yaml import events
    from yaml.constructor import ConstructorError
    from yaml.nodes import ScalarNode

    loader = loader_class()(text)
    get = loader.get_event
    constructors = loader.yaml_constructors
    scalar_event, mapping_start, sequence_start = (
        events.ScalarEvent,
        events.MappingStartEvent,
        events.SequenceStartEvent,
    )
    collection_end = (events.MappingEndEvent, events.SequenceEndEvent)
    duplicates: list[Problem] = []
    # One frame per open collection: [container, pending key, key lines (mappings only)].
    stack: list[list[Any]] = []
    root: Any = None
    nodes = 0
    try:
        get()  # stream start
        if isinstance(get(), events.StreamEndEvent):
            return None, []  # an empty file
        while True:
            event = get()
            kind = type(event)
            if kind is scalar_event:
                tag = event.tag
                if tag is None or tag == "!":
                    tag = loader.resolve(ScalarNode, event.value, event.implicit) if event.implicit[0] else _STR
                if tag == _STR:
                    value: Any = event.value
                elif tag == _MERGE:
                    raise Refused(_NO_MERGE, event.start_mark)
                else:
                    node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
                    value = constructors.get(tag, constructors[None])(loader, node)
            elif kind is mapping_start or kind is sequence_start:
                if event.tag not in _COLLECTION_TAGS:
                    raise ConstructorError(
                        None, None, f"could not determine a constructor for the tag {event.tag!r}", event.start_mark
                    )
                nodes += 1
                stack.append([{}, None, {}] if kind is mapping_start else [[], None, None])
                continue
            elif kind in collection_end:
                value = stack.pop()[0]
            elif kind is events.AliasEvent:
                raise Refused(_NO_ALIAS, event.start_mark)
            else:  # document end
                break
            nodes += 1
            if nodes > max_nodes:
                raise Refused(f"more than {max_nodes:,} values, the limit for a knowledge file", event.start_mark)
            if not stack:
                root = value
                continue
            frame = stack[-1]
            container = frame[0]
            if frame[2] is None:
                container.append(value)
            elif frame[1] is None:  # a key
                if isinstance(value, (list, dict)):
                    raise ConstructorError(None, None, "a mapping key must be a single value", event.start_mark)
                frame[1] = (value, event.start_mark.line + 1)
            else:
                key, line = frame[1]
                frame[1] = None
                if key in container:
                    duplicates.append(_duplicate(stack, key, frame[2][key], line))
                frame[2][key] = line
                container[key] = value
        if not isinstance(get(), events.StreamEndEvent):
            raise Refused("more than one YAML document; a knowledge file is one", None)
    finally:
        loader.dispose()
    return root, duplicates


def _duplicate(stack: list[list[Any]], key: Any, first: int, again: int) -> Problem:
    from fopinfo.safe_text import excerpt
    from fopinfo.validator import path_text

    path: list[str | int] = []
    for frame in stack[:-1]:
        path.append(len(frame[0]) if frame[2] is None else str(frame[1][0]))
    path.append(str(key))
    return Problem(path_text(tuple(path)), f"duplicate key '{excerpt(key)}' (lines {first} and {again})", again)


def lines_of(paths: list[str], text: str) -> dict[str, int]:
    """The line of each problem path (``sections[2].statements[0]``), or of its deepest part in the file.

    One pass over the parser's events, whatever the number of paths; nothing is built.
    """
    import re

    from yaml import YAMLError, events

    wanted: dict[tuple[str | int, ...], int] = {}
    parts_of: dict[str, tuple[str | int, ...]] = {}
    for path in paths:
        parts = tuple(int(i) if i else k for k, i in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path))
        parts_of[path] = parts
        for n in range(1, len(parts) + 1):
            wanted[parts[:n]] = 0
    loader = loader_class()(text)
    # One frame per open collection: [is mapping, key or next index, awaiting a key].
    stack: list[list[Any]] = []
    try:
        get = loader.get_event
        get(), get()
        while True:
            event = get()
            kind = type(event)
            if kind in (events.MappingEndEvent, events.SequenceEndEvent):
                stack.pop()
                _advance(stack)
                continue
            if kind is events.DocumentEndEvent or kind is events.StreamEndEvent or event is None:
                break
            if stack and stack[-1][0] and stack[-1][2]:  # a mapping key
                stack[-1][1] = getattr(event, "value", None)
                stack[-1][2] = False
                if kind is not events.ScalarEvent:
                    break  # a collection as a key: give up on lines, not on the check
                continue
            here = tuple(frame[1] for frame in stack)
            if here in wanted and not wanted[here]:
                wanted[here] = event.start_mark.line + 1
            if kind is events.MappingStartEvent:
                stack.append([True, None, True])
            elif kind is events.SequenceStartEvent:
                stack.append([False, 0, False])
            else:
                _advance(stack)
    except (YAMLError, IndexError):
        pass
    finally:
        loader.dispose()
    found: dict[str, int] = {}
    for path, parts in parts_of.items():
        for n in range(1, len(parts) + 1):  # the deepest part of the path that is in the file
            if not wanted[parts[:n]]:
                break
            found[path] = wanted[parts[:n]]
    return found


def _advance(stack: list[list[Any]]) -> None:
    """A value ended: the enclosing mapping awaits its next key, the enclosing list its next index."""
    if stack:
        if stack[-1][0]:
            stack[-1][2] = True
        else:
            stack[-1][1] += 1
