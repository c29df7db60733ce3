"""Reading the arg-microtexts XML (``arggraph``, Peldszus and Stede's corpus of short argumentative texts)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final, NamedTuple
from xml.parsers import expat

from ..errors import Location, ParseError
from ..model import Argument, ArgumentMap, ElementType, Inference, Quote, Relation, RelationKind, Source, Statement
from ._problems import ProblemCollector

__all__ = ["loads"]

#: What each dialectical role of an ADU is called in the map (its tag).
_ROLES: Final = {"pro": "proponent", "opp": "opponent"}
#: The edges that support a claim, and the scheme each gives its argument.
_SUPPORTS: Final = {"sup": None, "exa": "Example"}
#: The edges that attack a claim (rebut) or an inference (undercut).
_ATTACKS: Final = {"reb": RelationKind.ATTACK, "und": RelationKind.UNDERCUT}
_EDGE_TYPES: Final = ("seg", "sup", "exa", "add", "reb", "und")
_CHILDREN: Final = ("edu", "joint", "adu", "edge")


class _Element(NamedTuple):
    """One child of the ``arggraph`` element: its tag, attributes, text and where it starts."""

    tag: str
    attributes: dict[str, str]
    text: str
    location: Location


def _located(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


def _parse(text: str, path: str | None) -> tuple[_Element, list[_Element]]:
    """The root element and its children, read by expat with every entity declaration refused.

    The corpus names its DTD (``<!DOCTYPE arggraph SYSTEM "arggraph.dtd">``), which is accepted and never fetched;
    a document type with an internal subset or an entity of its own is refused before anything is expanded, so that
    neither a file of the disk nor an entity bomb can enter the map.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as error:
        line, column = _located(text, error.start)
        message = "not XML text: a lone surrogate, which is no character"
        raise ParseError(message, path=path, line=line, column=column) from None
    parser = expat.ParserCreate()
    parser.buffer_text = True
    elements: list[_Element] = []
    root: list[_Element] = []
    depth = 0
    chunks: list[str] = []

    def here() -> Location:
        return Location(parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, path)

    def refuse(message: str) -> None:
        raise ParseError(message, path=path, line=parser.CurrentLineNumber, column=parser.CurrentColumnNumber + 1)

    def doctype(name: str, system: str | None, public: str | None, internal_subset: int) -> None:
        if internal_subset:
            refuse("a document type with declarations of its own is not read (entities could expand without end)")

    def entity(*_: object) -> None:
        refuse("entity declarations are not read (they could expand without end or read other files)")

    def skipped(name: str, is_parameter: int) -> None:
        refuse(f"the entity &{name}; is not defined here (argmap reads no external DTD)")

    def start(tag: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        chunks.clear()
        element = _Element(tag, attributes, "", here())
        if depth == 1:
            root.append(element)
        elif depth == 2:
            elements.append(element)
        else:
            refuse(f"<{tag}> inside <{elements[-1].tag}>: the elements of an arggraph hold only text")

    def end(tag: str) -> None:
        nonlocal depth
        if depth == 2:
            elements[-1] = elements[-1]._replace(text="".join(chunks))
        depth -= 1

    def characters(data: str) -> None:
        if depth == 2:
            chunks.append(data)

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = entity
    parser.UnparsedEntityDeclHandler = entity
    parser.SkippedEntityHandler = skipped
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        message = f"invalid XML: {expat.ErrorString(error.code)}"
        raise ParseError(message, path=path, line=error.lineno, column=error.offset + 1) from None
    return root[0], elements


class _Reader(ProblemCollector):
    """Reads one parsed ``arggraph``; problems are collected, then raised together."""

    def __init__(self, root: _Element, elements: list[_Element]) -> None:
        super().__init__()
        self.root = root
        self.elements = elements
        self.edus: dict[str, _Element] = {}
        self.joints: dict[str, _Element] = {}
        self.adus: dict[str, _Element] = {}
        self.edges: dict[str, _Element] = {}

    def read(self) -> ArgumentMap:
        root = self.root
        if root.tag != "arggraph":
            self.problem("invalid-structure", f"the root element is <{root.tag}>, not <arggraph>", root.location)
            self.stop_on_problems()
        self._collect()
        self.stop_on_problems()
        texts = self._segments()
        self.stop_on_problems()
        source_id = root.attributes.get("id") or "text"
        spoken = [edu.text.strip() for edu in self.edus.values() if not _implicit(edu) and edu.text.strip()]
        statements = [
            self._statement(adu, texts.get(adu.attributes["id"], []), source_id) for adu in self.adus.values()
        ]
        arguments, relations = self._arguments()
        self.stop_on_problems()
        return ArgumentMap(
            title=root.attributes.get("id", ""),
            statements=statements,
            arguments=arguments,
            relations=relations,
            sources=[Source(id=source_id, text=" ".join(spoken))] if spoken else [],
            metadata={"microtexts": dict(root.attributes)} if root.attributes else {},
        )

    def _collect(self) -> None:
        tables = {"edu": self.edus, "joint": self.joints, "adu": self.adus, "edge": self.edges}
        for element in self.elements:
            table = tables.get(element.tag)
            if table is None:
                expected = ", ".join(f"<{tag}>" for tag in _CHILDREN)
                self.problem(
                    "invalid-structure",
                    f"unknown element <{element.tag}>; an arggraph holds {expected}",
                    element.location,
                )
                continue
            id = element.attributes.get("id")
            if not id:
                self.problem("missing-key", f"<{element.tag}> has no id", element.location)
                continue
            if any(id in seen for seen in tables.values()):
                self.problem("duplicate-id", f"two elements have the id {id!r}", element.location)
                continue
            table[id] = element
            self._check_type(element)

    def _check_type(self, element: _Element) -> None:
        kinds = {"adu": tuple(_ROLES), "edge": _EDGE_TYPES}.get(element.tag)
        if kinds is None:
            return
        kind = element.attributes.get("type")
        if kind not in kinds:
            found = "no type" if kind is None else f"the type {kind!r}"
            self.problem(
                "invalid-value", f"<{element.tag}> has {found}; it takes one of {', '.join(kinds)}", element.location
            )
        if element.tag == "edge":
            for key in ("src", "trg"):
                if not element.attributes.get(key):
                    self.problem("missing-key", f"<edge> {element.attributes['id']!r} has no {key}", element.location)

    def _typed_edges(self, *kinds: str) -> Iterator[tuple[_Element, str, str, str]]:
        for edge in self.edges.values():
            kind, source, target = (edge.attributes.get(key, "") for key in ("type", "src", "trg"))
            if kind in kinds and source and target:
                yield edge, kind, source, target

    def _segments(self) -> dict[str, list[str]]:
        """The EDUs of each ADU, in the text's order, through the joints that join adjacent ones."""
        of_joint: dict[str, list[str]] = {}
        of_adu: dict[str, list[str]] = {}
        via_joint: list[tuple[_Element, str, str]] = []
        for edge, _, source, target in self._typed_edges("seg"):
            if source in self.edus and target in self.joints:
                of_joint.setdefault(target, []).append(source)
            elif source in self.edus and target in self.adus:
                of_adu.setdefault(target, []).append(source)
            elif source in self.joints and target in self.adus:
                via_joint.append((edge, source, target))
            else:
                message = f"a segmentation edge joins {source!r} to {target!r}: it goes from an EDU or joint to an ADU"
                self.problem("invalid-structure", message, edge.location)
        for edge, joint, target in via_joint:
            if joint not in of_joint:
                self.problem("invalid-structure", f"the joint {joint!r} joins no EDU", edge.location)
            of_adu.setdefault(target, []).extend(of_joint.get(joint, ()))
        order = {id: n for n, id in enumerate(self.edus)}
        for id, adu in self.adus.items():
            if id not in of_adu:
                self.problem(
                    "invalid-structure", f"the ADU {id!r} has no text: no segmentation edge ends at it", adu.location
                )
        return {id: sorted(dict.fromkeys(edus), key=order.__getitem__) for id, edus in of_adu.items()}

    def _statement(self, adu: _Element, edus: list[str], source: str) -> Statement:
        id = adu.attributes["id"]
        kind = adu.attributes["type"]
        parts = [self.edus[edu] for edu in edus]
        data: dict[str, object] = {"type": kind, "edus": list(edus)}
        if parts and all(_implicit(edu) for edu in parts):
            data["implicit"] = True
        return Statement(
            id=id,
            text=" ".join(edu.text.strip() for edu in parts),
            tags=[_ROLES[kind]],
            quotes=[Quote(source, edu.text.strip()) for edu in parts if not _implicit(edu) and edu.text.strip()],
            data={"microtexts": data},
            location=adu.location,
        )

    def _arguments(self) -> tuple[list[Argument], list[Relation]]:
        """An argument for each support (its premises linked where ``add`` edges join more), and a relation for
        each attack; an attack that has linked premises, or that an undercut aims at, is an argument of its own.
        """
        added: dict[str, list[str]] = {}
        aimed: set[str] = set()
        for edge, kind, source, target in self._typed_edges("add", "und"):
            other = self.edges.get(target)
            if other is None or other.attributes.get("type") in ("seg", "add"):
                self.problem(
                    "dangling-reference", f"the {kind} edge aims at {target!r}, which is no relation", edge.location
                )
            elif kind == "add":
                added.setdefault(target, []).append(source)
            else:
                aimed.add(target)
        arguments: list[Argument] = []
        relations: list[Relation] = []
        for edge, kind, source, target in self._typed_edges("sup", "exa", "reb", "und", "add"):
            for end in (source, *(() if kind in ("und", "add") else (target,))):
                if end not in self.adus:
                    self.problem(
                        "dangling-reference", f"the {kind} edge refers to {end!r}, which is no ADU", edge.location
                    )
            id = edge.attributes["id"]
            premises = [source, *added.get(id, ())]
            data = {"microtexts": {"type": kind}}
            if kind in _SUPPORTS:
                step = Inference(premises=premises, conclusion=target)
                arguments.append(
                    Argument(id=id, steps=[step], scheme=_SUPPORTS[kind], data=data, location=edge.location)
                )
                continue
            if kind == "add":
                continue
            target_type = ElementType.ARGUMENT if kind == "und" else ElementType.STATEMENT
            attack = _ATTACKS[kind]
            if id in aimed or id in added:
                arguments.append(Argument(id=id, data=data, location=edge.location))
                for premise in premises:
                    relations.append(
                        Relation(
                            source=premise,
                            target=id,
                            target_type=ElementType.ARGUMENT,
                            kind=RelationKind.SUPPORT,
                            location=edge.location,
                        )
                    )
                relations.append(
                    Relation(
                        source=id,
                        source_type=ElementType.ARGUMENT,
                        target=target,
                        target_type=target_type,
                        kind=attack,
                        location=edge.location,
                    )
                )
            else:
                relations.append(
                    Relation(source=source, target=target, target_type=target_type, kind=attack, location=edge.location)
                )
        return arguments, relations


def _implicit(edu: _Element) -> bool:
    return edu.attributes.get("implicit") == "true"


def loads(text: str, *, path: str | None = None) -> ArgumentMap:
    """Read a map from an arg-microtexts ``arggraph`` XML document; ``path`` only names the file in errors.

    Each ADU becomes a statement whose text is that of its EDUs (joined where a joint joins them), tagged
    ``proponent`` or ``opponent`` and quoting the text, which is the map's source (the EDUs that are not implicit,
    in order). Each support (``sup``, and ``exa``: support by example, with the scheme ``"Example"``) becomes an
    argument named after its edge, whose premises the ``add`` edges link; each rebuttal (``reb``) an attack on the
    claim, and each undercut (``und``) an undercut of the argument it aims at. ``docs/microtexts.md`` gives the
    whole mapping.

    Raises :class:`~argmap.ParseError` (with line and column) for text that is not XML or declares entities, and
    :class:`~argmap.MapError` for a document that is not an arggraph, naming the place of each bad element.
    """
    root, elements = _parse(text, path)
    return _Reader(root, elements).read()
