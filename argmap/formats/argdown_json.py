"""The JSON that Argdown's own tools export (``argdown json``): reading argument maps."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Final

from ..model import Argument, ArgumentMap, ElementType, Inference, Relation, RelationKind, Section, Statement
from . import SNIFF_LENGTH
from ._problems import ProblemCollector
from ._shapes import check_json_value, decode, member, show, wrong_type
from .argdown.syntax import RESERVED_KEYS

__all__ = ["loads", "sniff"]

#: Argdown's names of the ends of a relation: an inference is undercut as its argument.
_TYPES: Final = {
    "equivalence-class": ElementType.STATEMENT,
    "statement": ElementType.STATEMENT,
    "argument": ElementType.ARGUMENT,
    "inference": ElementType.ARGUMENT,
}
# `argdown json` writes the arguments first, and they may fill more than the part of a file that sniffing reads.
_STARTS = re.compile(r'\s*\{\s*"arguments"\s*:\s*\{')
_KEYS = tuple(re.compile(rf'"{key}"\s*:') for key in ("statements", "arguments", "relations"))
_KINDS: Final = {"contradictory": RelationKind.CONTRADICTION, **{kind.value: kind for kind in RelationKind}}


class _Reader(ProblemCollector):
    """Reads one parsed document; problems are collected, then raised together."""

    def __init__(self, document: Any) -> None:
        super().__init__()
        self.document = document

    def object(self, value: Any, where: str) -> dict[str, Any]:
        if isinstance(value, dict):
            return value
        wrong_type("an object", value, where, self.problems)
        return {}

    def array(self, value: Any, where: str) -> list[Any]:
        if isinstance(value, list):
            return value
        wrong_type("an array", value, where, self.problems)
        return []

    def string(self, value: Any, where: str, default: str | None = None) -> str:
        if type(value) is str:
            return value
        if value is None and default is not None:
            return default
        wrong_type("a string", value, where, self.problems)
        return ""

    def strings(self, container: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        where = member(where, key)
        return tuple(self.string(v, f"{where}[{n}]") for n, v in enumerate(self.array(container.get(key, []), where)))

    def data(self, container: Mapping[str, Any], where: str, reserved: tuple[str, ...] = ()) -> dict[str, Any]:
        value = self.object(container.get("data") or {}, member(where, "data"))
        check_json_value(value, member(where, "data"), self.problems)
        return {key: item for key, item in value.items() if key not in reserved}

    def section(self, element: Mapping[str, Any], where: str) -> str | None:
        value = element.get("section")
        return None if value is None else self.string(value, member(where, "section"))

    def text(self, members: Any, where: str) -> str | None:
        """The text of the canonical member: the last marked ``isCanonical``, else the last that is not a
        reference, without the spaces that the export leaves around it (before data or tags, say), as Argdown's
        own reader drops them. Other whitespace at either end, such as a tab or a no-break space, was escaped to be
        there, and is kept. ``None`` for a text that is blank.
        """
        found = None
        for n, item in reversed(list(enumerate(self.array(members, where)))):
            item = self.object(item, f"{where}[{n}]")
            if item.get("isReference"):
                continue
            if isinstance(item.get("data"), dict) and item["data"].get("isCanonical"):
                found = n, item
                break
            found = found or (n, item)
        if found is None:
            return None
        text = self.string(found[1].get("text", ""), f"{where}[{found[0]}].text").strip(" ")
        return text if text.strip() else None  # a blank text (a lone no-break space, say) is none, as argmap reads it

    def read(self) -> ArgumentMap:
        document = self.object(self.document, "$")
        statements = self.statements(self.object(document.get("statements", {}), "$.statements"))
        arguments = self.arguments(self.object(document.get("arguments", {}), "$.arguments"))
        relations = self.relations(self.array(document.get("relations", []), "$.relations"))
        sections = self.sections(self.array(document.get("sections", []), "$.sections"))
        self.stop_on_problems()
        return ArgumentMap(statements=statements, arguments=arguments, relations=relations, sections=sections)

    def statements(self, table: dict[str, Any]) -> list[Statement]:
        result = []
        for title, value in table.items():
            where = member("$.statements", title)
            statement = self.object(value, where)
            text = self.text(statement.get("members", []), member(where, "members"))
            result.append(
                Statement(
                    id=_title(title),
                    text=text or _title(title),
                    tags=self.strings(statement, "tags", where),
                    data=self.data(statement, where, RESERVED_KEYS["statement"]),
                    section=self.section(statement, where),
                )
            )
        return result

    def arguments(self, table: dict[str, Any]) -> list[Argument]:
        result = []
        for title, value in table.items():
            where = member("$.arguments", title)
            argument = self.object(value, where)
            data = self.data(argument, where)
            scheme = data.pop("scheme", None)
            steps, unused = self.steps(self.array(argument.get("pcs", []), member(where, "pcs")), member(where, "pcs"))
            result.append(
                Argument(
                    id=_title(title),
                    text=self.text(argument.get("members", []), member(where, "members")) or "",
                    steps=steps,
                    unused_premises=unused,
                    tags=self.strings(argument, "tags", where),
                    scheme=scheme.strip() if isinstance(scheme, str) else None,
                    data=data,
                    section=self.section(argument, where),
                )
            )
        return result

    def steps(self, pcs: list[Any], where: str) -> tuple[list[Inference], list[str]]:
        """One step per conclusion (a member with an inference): from the statements its ``uses`` names, or else
        those since the previous conclusion (which it includes), as Argdown reads a pcs; and the premises (members
        without an inference) that no step uses, which the pcs keeps and so does the argument.
        """
        members = [self.object(item, f"{where}[{n}]") for n, item in enumerate(pcs)]
        titles = [_title(self.string(item.get("title"), f"{where}[{n}].title")) for n, item in enumerate(members)]
        steps: list[Inference] = []
        previous = 0
        for index, item in enumerate(members):
            if "inference" not in item:
                continue
            at = f"{where}[{index}].inference"
            inference = self.object(item["inference"], at)
            data = self.data(inference, at)
            uses = data.get("uses", data.get("from"))
            if uses is None and isinstance(item.get("data"), dict):
                uses = item["data"].get("uses", item["data"].get("from"))
            # Numbers outside the pcs are those of the whole argument that Argdown's explodeArguments split: the
            # step then uses its own statements, as Argdown's map does.
            numbers = uses if isinstance(uses, list) and all(type(n) is int for n in uses) else []
            fits = bool(numbers) and all(1 <= n <= len(titles) for n in numbers)
            chosen = [titles[n - 1] for n in numbers] if fits else titles[previous:index]
            previous = index
            steps.append(
                Inference(
                    premises=list(dict.fromkeys(chosen)),
                    conclusion=titles[index],
                    rules=[rule for rule in self.strings(inference, "inferenceRules", at) if rule],
                    data={key: value for key, value in data.items() if key not in RESERVED_KEYS["inference"]},
                )
            )
        used = {title for step in steps for title in (*step.premises, step.conclusion)}
        premises = (title for item, title in zip(members, titles, strict=True) if "inference" not in item)
        return steps, list(dict.fromkeys(title for title in premises if title not in used)) if steps else []

    def relations(self, items: list[Any]) -> list[Relation]:
        result = []
        for n, value in enumerate(items):
            where = f"$.relations[{n}]"
            relation = self.object(value, where)
            ends = []
            for end in ("from", "to"):
                type_name = relation.get(f"{end}Type")
                type = _TYPES.get(type_name) if isinstance(type_name, str) else None
                if type is None:
                    message = f"unknown element type {show(type_name)}; Argdown has {', '.join(_TYPES)}"
                    self.problem("invalid-value", message, f"{where}.{end}Type")
                ends.append((_title(self.string(relation.get(end), f"{where}.{end}")), type))
            kind_name = relation.get("relationType")
            kind = _KINDS.get(kind_name) if isinstance(kind_name, str) else None
            if kind is None:
                self.problem("invalid-value", f"unknown relation type {show(kind_name)}", f"{where}.relationType")
            (source, source_type), (target, target_type) = ends
            if kind is not None and source_type is not None and target_type is not None:
                result.append(
                    Relation(source=source, source_type=source_type, target=target, target_type=target_type, kind=kind)
                )
        return result

    def sections(self, items: list[Any]) -> list[Section]:
        """The sections, parents before their children, in document order (iteratively: they may nest deep)."""
        result = []
        stack: list[tuple[Any, str, str | None]] = [
            (item, f"$.sections[{n}]", None) for n, item in reversed(list(enumerate(items)))
        ]
        while stack:
            value, where, parent = stack.pop()
            section = self.object(value, where)
            id = self.string(section.get("id"), f"{where}.id")
            title = self.string(section.get("title"), f"{where}.title", default="") or id
            result.append(Section(id=id, title=title, parent=parent))
            children = self.array(section.get("children", []), f"{where}.children")
            stack.extend((item, f"{where}.children[{n}]", id) for n, item in reversed(list(enumerate(children))))
        return result


def sniff(text: str) -> bool:
    """Whether ``text``, JSON, is written as ``argdown json`` writes it: starting with its ``"arguments"`` (as argmap's
    own JSON never does), or naming ``"statements"``, ``"arguments"`` and ``"relations"`` near its start.
    """
    head = text[:SNIFF_LENGTH].lstrip("\ufeff")
    return _STARTS.match(head) is not None or all(key.search(head) for key in _KEYS)


def _title(title: str) -> str:
    """An element's title as argmap's Argdown reader reads it, without the spaces around it, which the export keeps
    (``[A ]`` is ``"A "`` there): ids cannot have them.
    """
    return title.strip()


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from the JSON that ``argdown json`` exports; ``path`` only names the file in errors.

    Each equivalence class becomes a statement (its title the id, the text of its canonical member the text), each
    argument an argument with its description and the steps of its premise-conclusion structure, each relation a
    relation (``contradictory`` is a contradiction; an undercut of an inference undercuts its argument), and the
    sections nest as they do. This is the map that :func:`argmap.formats.argdown.loads` reads from the Argdown
    document itself; ``docs/interchange.md`` lists where the two differ.

    Raises :class:`~argmap.ParseError` for text that is not JSON and :class:`~argmap.MapError` naming each value of
    the wrong shape by its JSON path.
    """
    return _Reader(decode(text, path)).read()
