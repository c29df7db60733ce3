"""Docs-local Sphinx extension: reference pages generated from argmap's own code, so they cannot go stale."""

from __future__ import annotations

import argparse
import ast
import importlib
import inspect
import json
import platform
import re
import shutil
import subprocess
import typing
from collections.abc import Iterable, Sequence
from importlib import metadata
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.parsers.rst import directives
from packaging.requirements import Requirement
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util.docutils import SphinxDirective
from sphinx.util.typing import ExtensionMetadata

from argmap import af, formats
from argmap.catalogue import CATALOGUE, CheckInfo

__all__ = [
    "CatalogueDirective",
    "CliDirective",
    "FormatsDirective",
    "VersionsDirective",
    "check_anchor",
    "command_anchor",
    "find_object",
    "same_object",
    "setup",
]

#: Where a code can come from: the values of ``CheckInfo.reported_by``, read from its type.
ORIGINS: tuple[str, ...] = typing.get_args(typing.get_type_hints(CheckInfo)["reported_by"])

Cell = str | nodes.Node


def check_anchor(code: str) -> str:
    """The HTML anchor of a code's entry on the catalogue page, the same as the code: ``checks.html#self-attack``."""
    return nodes.make_id(code)


def command_anchor(command: str) -> str:
    """The HTML anchor of a sub-command's section on the CLI page: ``cli.html#argmap-check``."""
    return nodes.make_id(f"argmap-{command}")


# Node builders ---------------------------------------------------------------------------------------------------


def _paragraph(*content: Cell) -> nodes.paragraph:
    return nodes.paragraph("", "", *(nodes.Text(c) if isinstance(c, str) else c for c in content))


def _table(header: Sequence[str], rows: Iterable[Sequence[Cell]], widths: Sequence[int]) -> nodes.table:
    """A plain table; each cell is text or one inline node."""
    group = nodes.tgroup(cols=len(header))
    group.extend(nodes.colspec(colwidth=width) for width in widths)

    def row(cells: Sequence[Cell]) -> nodes.row:
        return nodes.row("", *(nodes.entry("", _paragraph(cell)) for cell in cells))

    group += nodes.thead("", row(header))
    group += nodes.tbody("", *(row(cells) for cells in rows))
    table = nodes.table("", group)
    table["classes"].append("argmap-generated")
    return table


def _literal_block(text: str, language: str = "text") -> nodes.literal_block:
    block = nodes.literal_block(text, text)
    block["language"] = language
    return block


def _section(directive: SphinxDirective, anchor: str, label: str, title: nodes.Node) -> nodes.section:
    """A section with a fixed anchor and a label that ``{ref}`` can link to from any page."""
    section = nodes.section("", nodes.title("", "", title), ids=[anchor], names=[label])
    directive.state.document.note_explicit_target(section, section)
    return section


def _example_language(example: str) -> str:
    """How to highlight a catalogue example: JSON, Python (argmap calls), or Argdown, which Pygments lacks."""
    try:
        json.loads(example)
    except ValueError:
        pass
    else:
        return "json"
    try:
        ast.parse(example)
    except SyntaxError:
        return "text"
    return "python"


class _Generated(SphinxDirective):
    """A directive whose output comes from argmap's code, not from the page: its page is read again on every build,
    since Sphinx would otherwise keep the old output of a page whose own text did not change.
    """

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        return self.generate()

    def generate(self) -> list[nodes.Node]:
        """The nodes that stand for the directive."""
        raise NotImplementedError


# The catalogue of checks -------------------------------------------------------------------------------------------


def _origins(argument: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in argument.split(",") if part.strip())
    unknown = [part for part in chosen if part not in ORIGINS]
    if unknown or not chosen:
        raise ValueError(f"expected a comma-separated list of {', '.join(ORIGINS)}")
    return chosen


class CatalogueDirective(_Generated):
    """``argmap-checks``: the entries of :data:`argmap.CATALOGUE`, each a section with meaning, example and fix.

    ``:reported-by:`` keeps the codes with these origins (default: all); ``:summary:`` draws one table of the codes,
    linked to their entries, instead of the entries.
    """

    has_content = False
    option_spec: ClassVar[dict[str, Any]] = {"reported-by": _origins, "summary": directives.flag}

    def generate(self) -> list[nodes.Node]:
        origins = self.options.get("reported-by", ORIGINS)
        entries = [info for info in CATALOGUE.values() if info.reported_by in origins]
        if "summary" in self.options:
            return [self._summary(entries)]
        return [self._entry(info) for info in entries]

    def _summary(self, entries: Sequence[CheckInfo]) -> nodes.table:
        rows: list[list[Cell]] = []
        for info in entries:
            link = nodes.reference("", "", nodes.literal(info.code, info.code), refid=check_anchor(info.code))
            rows.append([link, info.severity.value, info.reported_by, info.title])
        return _table(["Code", "Severity", "Reported by", "What it is"], rows, [22, 8, 9, 40])

    def _entry(self, info: CheckInfo) -> nodes.section:
        section = _section(self, check_anchor(info.code), f"check-{info.code}", nodes.literal(info.code, info.code))
        section += _paragraph(nodes.strong(info.title, info.title), f" ({info.severity.value})")
        fields = nodes.field_list()
        for name, body in (
            ("What it means", _paragraph(info.meaning)),
            ("Why it matters", _paragraph(info.why)),
            ("Example", _literal_block(info.example, _example_language(info.example))),
            ("How to fix", _paragraph(info.fix)),
        ):
            fields += nodes.field("", nodes.field_name(name, name), nodes.field_body("", body))
        section += fields
        return section


# The command line ---------------------------------------------------------------------------------------------


def _expanded_help(action: argparse.Action) -> str:
    """An action's help with ``%(default)s`` and the like filled in, as ``--help`` prints it."""
    params = {key: value for key, value in vars(action).items() if value is not argparse.SUPPRESS}
    if params.get("choices") is not None:
        params["choices"] = ", ".join(map(str, params["choices"]))
    return (action.help or "") % params


def _invocation(action: argparse.Action) -> str:
    """How an argument is written on the command line: ``FILE``, ``-o, --output OUT``, ``--view {debate,premise}``."""
    if not action.option_strings:
        return str(action.metavar or action.dest)
    if action.nargs == 0:
        return ", ".join(action.option_strings)
    if action.metavar is not None:
        value = str(action.metavar)
    elif action.choices is not None:
        value = "{" + ",".join(map(str, action.choices)) + "}"
    else:
        value = action.dest.upper()
    return ", ".join(f"{option} {value}" for option in action.option_strings)


#: The width of usage lines: fixed, where argparse would take the terminal's, so that every build is the same.
USAGE_WIDTH = 88


def _usage(parser: argparse.ArgumentParser) -> nodes.literal_block:
    formatter = argparse.HelpFormatter(parser.prog, width=USAGE_WIDTH)
    # What parser.format_usage() does, but at a fixed width.
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups)
    return _literal_block(formatter.format_help().strip())


def _arguments_table(parser: argparse.ArgumentParser, *, with_help: bool) -> nodes.table:
    rows: list[list[Cell]] = []
    # argparse has no public view of a parser's arguments; `_actions` is what its own help formatter reads.
    for action in parser._actions:
        if action.help is argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        if isinstance(action, argparse._HelpAction) and not with_help:
            continue
        meaning = _expanded_help(action)
        if action.required and action.option_strings:
            meaning += " (required)"
        rows.append([nodes.literal("", _invocation(action)), meaning])
    return _table(["Argument", "Meaning"], rows, [25, 60])


def _exit_statuses(parser: argparse.ArgumentParser) -> list[tuple[str, str]]:
    """The ``exit status:`` lines of the parser's epilog, which ``argmap --help`` prints."""
    lines = (parser.epilog or "").splitlines()
    start = next((n for n, line in enumerate(lines) if line.strip().lower() == "exit status:"), None)
    if start is None:
        return []
    statuses = []
    for line in lines[start + 1 :]:
        match = re.fullmatch(r"\s+(\d+)\s+(.+)", line)
        if match is None:
            break
        statuses.append((match[1], match[2]))
    return statuses


def _load_parser(spec: str) -> argparse.ArgumentParser:
    module_name, _, function_name = spec.partition(":")
    factory = getattr(importlib.import_module(module_name), function_name)
    parser = factory()
    if not isinstance(parser, argparse.ArgumentParser):
        raise TypeError(f"{spec} returned {type(parser).__name__}, not an argparse.ArgumentParser")
    return parser


class CliDirective(_Generated):
    """``argmap-cli MODULE:FUNCTION``: the reference of the command whose parser ``FUNCTION()`` returns.

    One section per sub-command (usage, description, arguments), then the exit statuses of the parser's epilog.
    """

    has_content = False
    required_arguments = 1

    def generate(self) -> list[nodes.Node]:
        try:
            parser = _load_parser(self.arguments[0])
        except (ImportError, AttributeError, TypeError, ValueError) as error:
            raise self.error(f"argmap-cli: cannot get a parser from {self.arguments[0]!r}: {error}") from None
        statuses = _exit_statuses(parser)
        if not statuses:
            raise self.error("argmap-cli: the parser's epilog lists no exit statuses under 'exit status:'")
        subparsers = [action for action in parser._actions if isinstance(action, argparse._SubParsersAction)]
        result: list[nodes.Node] = [
            _paragraph(parser.description or ""),
            _usage(parser),
        ]
        commands: list[list[Cell]] = []
        sections = []
        for action in subparsers:
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                link = nodes.reference("", "", nodes.literal(name, name), refid=command_anchor(name))
                commands.append([link, helps.get(name, "")])
                sections.append(self._command(name, subparser))
        result.append(_table(["Command", "What it does"], commands, [15, 60]))
        result.append(
            _paragraph(
                "Options of ",
                nodes.literal("", parser.prog),
                " itself (every command also takes ",
                nodes.literal("", "-h"),
                ", ",
                nodes.literal("", "--help"),
                "):",
            )
        )
        result.append(_arguments_table(parser, with_help=True))
        result.extend(sections)
        exit_section = _section(self, "exit-status", "cli-exit-status", nodes.Text("Exit status"))
        exit_section += _table(["Status", "Meaning"], statuses, [8, 70])
        result.append(exit_section)
        return result

    def _command(self, name: str, parser: argparse.ArgumentParser) -> nodes.section:
        section = _section(self, command_anchor(name), f"cli-{name}", nodes.literal("", parser.prog))
        if parser.description:
            section += _paragraph(parser.description)
        section += _usage(parser)
        section += _arguments_table(parser, with_help=False)
        return section


# Formats and versions -----------------------------------------------------------------------------------------


def _suffixes(suffixes: Iterable[str]) -> nodes.Node:
    text = " ".join(suffixes)
    return nodes.literal(text, text) if text else nodes.Text("(none)")


class FormatsDirective(_Generated):
    """``argmap-formats maps`` or ``argmap-formats frameworks``: the formats argmap reads and writes, from its
    registries (:data:`argmap.formats.FORMATS` and :data:`argmap.af.FRAMEWORK_FORMATS`).
    """

    has_content = False
    required_arguments = 1

    def generate(self) -> list[nodes.Node]:
        which = self.arguments[0]
        if which == "maps":
            rows: list[list[Cell]] = [
                [nodes.literal(f.name, f.name), _suffixes(f.suffixes), _yes(f.loads), _yes(f.dumps)]
                for f in formats.FORMATS.values()
            ]
        elif which == "frameworks":
            rows = [
                [nodes.literal(name, name), _suffixes(suffixes), "yes", "yes"]
                for name, suffixes in af.FRAMEWORK_FORMATS.items()
            ]
        else:
            raise self.error(f"argmap-formats: expected 'maps' or 'frameworks', not {which!r}")
        return [_table(["Format", "Suffixes", "Read", "Write"], rows, [12, 20, 6, 6])]


def _yes(function: object) -> str:
    return "yes" if function is not None else "no"


def _dot_version(executable: str) -> str:
    dot = shutil.which(executable)
    if dot is None:
        return "not installed"
    # dot -V prints "dot - graphviz version 2.43.0 (0)" on stderr.
    done = subprocess.run([dot, "-V"], capture_output=True, text=True, check=False, timeout=30)
    match = re.search(r"version\s+(\S+)", done.stderr + done.stdout)
    return match[1] if match else "unknown"


def _requirements() -> dict[str, str]:
    """argmap's declared requirements by normalised project name, with the extras that ask for them."""
    declared: dict[str, str] = {}
    core: set[str] = set()
    for line in metadata.requires("argmap") or ():
        requirement = Requirement(line)
        extra = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", str(requirement.marker or ""))
        key = _normalised(requirement.name)
        # A core requirement wins over the same one in an extra; of several extras, the first listed is named.
        if key in core or (extra and key in declared):
            continue
        declared[key] = f"{requirement.specifier or 'any'}" + (f" (extra {extra[1]})" if extra else "")
        if not extra:
            core.add(key)
    return declared


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


class VersionsDirective(_Generated):
    """``argmap-versions``: what argmap declares it needs, beside the versions this very build ran with.

    The content lists distribution names, one a line; Python and Graphviz ``dot`` come first.
    """

    has_content = True

    def generate(self) -> list[nodes.Node]:
        declared = _requirements()
        python = metadata.metadata("argmap")["Requires-Python"] or "any"
        rows: list[list[Cell]] = [["Python", python, platform.python_version()]]
        rows.append(["Graphviz dot", "for SVG, PNG and PDF", _dot_version(self.config.argmap_dot)])
        for name in (line.strip() for line in self.content if line.strip()):
            try:
                installed = metadata.version(name)
            except metadata.PackageNotFoundError:
                installed = "not installed"
            rows.append([nodes.literal(name, name), declared.get(_normalised(name), "not required"), installed])
        return [_table(["Software", "argmap requires", "This build used"], rows, [18, 30, 14])]


# Cross-references to names documented elsewhere ------------------------------------------------------------------


def find_object(name: str) -> object | None:
    """The object autodoc documents under a dotted name: followed by attribute from the top package, importing a
    submodule only where no attribute has the name (``argmap.evaluate`` is the function the package re-exports, not
    the module of that name). ``None`` if the name leads nowhere.
    """
    parts = name.split(".")
    try:
        found: object = importlib.import_module(parts[0])
    except ImportError:
        return None
    for n in range(1, len(parts)):
        if hasattr(found, parts[n]):
            found = getattr(found, parts[n])
            continue
        try:
            found = importlib.import_module(".".join(parts[: n + 1]))
        except ImportError:
            return None
    return found


def _module_first(parts: Sequence[str]) -> object | None:
    """Follow ``parts`` from the longest prefix that imports as a module: ``argmap.evaluate.evaluate``."""
    for split in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            if not hasattr(found, part):
                return None
            found = getattr(found, part)
        return found
    return None


def same_object(a: object, b: object, name_a: str, name_b: str) -> bool:
    """Whether two names document the same object. Equal constants (small integers, interned strings) are one object
    in Python, so for anything but classes and functions the last component of the names must agree too.
    """
    if a is not b:
        return False
    return inspect.isclass(a) or inspect.isroutine(a) or name_a.rpartition(".")[2] == name_b.rpartition(".")[2]


def _owner(node: pending_xref) -> str | None:
    """The object whose docstring holds the reference: autodoc names it in the source, ``...:docstring of NAME``."""
    match = re.search(r":docstring of ([\w.]+)$", node.source or "")
    return match[1] if match else None


def _candidates(node: pending_xref) -> list[str]:
    """The full names a reference may mean: as written, in its page's context, and in its docstring's own module
    and class (a docstring's relative names mean what they mean where it is written, not where it is re-exported).
    """
    target = node["reftarget"]
    names = [target]
    module, cls = node.get("py:module"), node.get("py:class")
    if module:
        names += [f"{module}.{cls}.{target}"] if cls else []
        names.append(f"{module}.{target}")
    owner = _owner(node)
    if owner:
        parts = owner.split(".")
        names += [".".join([*parts[:n], target]) for n in range(len(parts) - 1, 0, -1)]
    return names


def _resolve_elsewhere(app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.Element) -> Any:
    """Resolve a Python reference that names an object documented under another name.

    The reference documents each public name once, where users import it from (``argmap.to_dot``); docstrings name
    objects where they are defined (``argmap.render.dot.to_dot``), or relative to the module that defines them. A
    reference that names an object documented under another name links there; failing that, a bare name links to
    the one documented object of that name, as Sphinx's own ``.name`` references do. Anything else stays missing,
    and nitpicky mode reports it.
    """
    if node.get("refdomain") != "py":
        return None
    domain = env.get_domain("py")
    names = [name for name, entry in domain.objects.items() if not entry.aliased]  # type: ignore[attr-defined]

    def link(name: str) -> Any:
        for role in dict.fromkeys([node["reftype"], "obj"]):
            found = domain.resolve_xref(env, node["refdoc"], app.builder, role, name, node, contnode)
            if found is not None:
                return found
        return None

    wanted = [
        (candidate, found)
        for candidate in _candidates(node)
        if candidate.startswith("argmap.")
        for found in (find_object(candidate), _module_first(candidate.split(".")))
        if found is not None
    ]
    if wanted:
        for name in names:
            obj = find_object(name)
            if any(same_object(obj, found, name, candidate) for candidate, found in wanted):
                return link(name)
    target = node["reftarget"]
    if "." not in target:
        matches = [name for name in names if name.endswith(f".{target}")]
        if len(matches) == 1:
            return link(matches[0])
    return None


def _factory_defaults(
    app: Sphinx, what: str, name: str, obj: object, options: object, signature: str | None, annotation: str | None
) -> tuple[str | None, str | None] | None:
    """Show a field default that an attrs factory computes as ``...``, not as attrs' internal sentinel ``NOTHING``.

    ``...`` keeps the signature valid Python, which Sphinx needs to format and cross-link it.
    """
    if signature is None or not (inspect.isclass(obj) and attrs.has(obj)):
        return None
    return re.sub(r"\bNOTHING\b", "...", signature), annotation


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directives and the cross-reference handler."""
    app.add_directive("argmap-checks", CatalogueDirective)
    app.add_directive("argmap-cli", CliDirective)
    app.add_directive("argmap-formats", FormatsDirective)
    app.add_directive("argmap-versions", VersionsDirective)
    app.connect("missing-reference", _resolve_elsewhere)
    app.connect("autodoc-process-signature", _factory_defaults)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
