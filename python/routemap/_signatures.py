"""Readable ``help()`` and ``inspect.signature`` for the functions of routemap's compiled core.

A pybind11 function is a builtin: ``help(routemap.score)`` would open with "score(...) method of
pybind11_builtins.pybind11_detail_function_record_v1_... instance" and a signature in pybind11's
words (``collections.abc.Mapping[str, typing.SupportsFloat | typing.SupportsIndex]``), and
``inspect.signature`` would fail. :func:`public` gives each public function a thin Python function of
the same name that passes its arguments straight through, with a real :class:`inspect.Signature` in
the names users write and the docstring written in the binding (one source for the text: the C++
binding).
"""

from __future__ import annotations

import ast
import inspect
import re
import textwrap
from typing import Any, Callable

# pybind11's spelling of a type -> the spelling a user writes, most specific first.
_TYPE_NAMES = [
    (r"\broutemap\._core\.", ""),
    (r"\broutemap\.(?=[A-Z])", ""),
    (r"\bnumpy\.typing\.NDArray\[numpy\.uint8\] \| object\b", "numpy.typing.ArrayLike"),
    (r"\bnumpy\.typing\.NDArray\[numpy\.uint8\]", "numpy.ndarray"),
    (r"\bnumpy\.ndarray \| object\b", "numpy.typing.ArrayLike"),
    (r"\bcollections\.abc\.", ""),
    (r"\btyping\.SupportsFloat \| typing\.SupportsIndex\b", "float"),
    (r"\btyping\.SupportsInt \| typing\.SupportsIndex\b", "int"),
    (r"\bos\.PathLike \| str \| bytes\b", "str | os.PathLike"),
    (r"\bpathlib\.Path\b", "Path"),
    (r"(?<!numpy\.)\btyping\.", ""),
]


class _TypeText(str):
    """An annotation shown as written: inspect prints a plain str annotation with quotes."""

    def __repr__(self) -> str:
        return str(self)


def readable_type(text: str) -> str:
    for pattern, replacement in _TYPE_NAMES:
        text = re.sub(pattern, replacement, text)
    return text


def _overloads(name: str, doc: str) -> list[tuple[str, str]]:
    """(signature line, text) of each overload in a pybind11 docstring."""
    if doc.startswith(f"{name}(*args, **kwargs)\nOverloaded function."):
        parts = re.split(rf"^\d+\. (?={re.escape(name)}\()", doc, flags=re.M)[1:]
    else:
        parts = [doc]
    out = []
    for part in parts:
        line, _, text = part.partition("\n")
        out.append((line.strip(), textwrap.dedent(text).strip()))
    return out


def _parameters(signature_line: str) -> tuple[list[inspect.Parameter], str]:
    """The parameters and the return annotation of one pybind11 signature line."""
    tree = ast.parse(f"def {signature_line}: pass")
    function = tree.body[0]
    args = function.args

    def annotation(node, default_is_none):
        if node is None:
            return inspect.Parameter.empty
        text = readable_type(ast.unparse(node))
        if default_is_none and not re.search(r"\bNone\b", text):
            text += " | None"  # pybind11 writes `registry: Registry = None` for an optional argument
        return _TypeText(text)

    def default(node):
        if node is None:
            return inspect.Parameter.empty
        try:
            return ast.literal_eval(node)
        except ValueError:
            return _TypeText(ast.unparse(node))

    params = []
    positional = args.args
    defaults = [None] * (len(positional) - len(args.defaults)) + list(args.defaults)
    for arg, value in zip(positional, defaults):
        d = default(value)
        params.append(inspect.Parameter(arg.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD, default=d,
                                        annotation=annotation(arg.annotation, d is None)))
    for arg, value in zip(args.kwonlyargs, args.kw_defaults):
        d = default(value)
        params.append(inspect.Parameter(arg.arg, inspect.Parameter.KEYWORD_ONLY, default=d,
                                        annotation=annotation(arg.annotation, d is None)))
    returns = readable_type(ast.unparse(function.returns)) if function.returns is not None else "None"
    return params, returns


def _merge(signatures: list[tuple[list[inspect.Parameter], str]]) -> inspect.Signature:
    """One signature for overloads that differ only in what they accept for some parameters."""
    params, returns = signatures[0]
    merged = []
    for i, p in enumerate(params):
        kinds = []
        for other, _ in signatures:
            text = str(other[i].annotation) if i < len(other) else ""
            if text and text not in kinds:
                kinds.append(text)
        merged.append(p.replace(annotation=_TypeText(readable_type(" | ".join(kinds)))) if len(kinds) > 1 else p)
    return inspect.Signature(merged, return_annotation=_TypeText(returns))


def _wrapped(text: str, width: int = 88) -> str:
    """Paragraphs written as one long line (the shorter bindings' docstrings) wrapped to `width`;
    paragraphs laid out by hand (numpy-style sections, examples) left as they are."""
    paragraphs = text.split("\n\n")
    return "\n\n".join(textwrap.fill(p, width) if "\n" not in p and len(p) > width else p for p in paragraphs)


def public(core: Callable[..., Any], module: str = "routemap") -> Callable[..., Any]:
    """A Python function that calls ``core`` with the arguments it is given, with ``core``'s name,
    a real signature and the binding's docstring."""
    name = core.__name__
    overloads = _overloads(name, core.__doc__ or "")
    signature = _merge([_parameters(line) for line, _ in overloads])
    texts = [text for _, text in overloads if text]

    def function(*args, **kwargs):
        return core(*args, **kwargs)

    function.__name__ = function.__qualname__ = name
    function.__module__ = module
    function.__doc__ = "\n\n".join(_wrapped(text) for text in texts)
    function.__signature__ = signature
    return function


def unquoted(function: Callable[..., Any]) -> Callable[..., Any]:
    """A Python function of the package with its annotations shown as written, not as quoted strings
    (``from __future__ import annotations`` keeps them as text)."""
    signature = inspect.signature(function)

    def plain(annotation):
        if annotation is inspect.Parameter.empty or not isinstance(annotation, str):
            return annotation
        return _TypeText(readable_type(annotation.replace("'", "").replace('"', "").replace("_core.", "")))

    function.__module__ = "routemap"  # defined in a private module, public as routemap.<name>
    function.__signature__ = signature.replace(
        parameters=[p.replace(annotation=plain(p.annotation)) for p in signature.parameters.values()],
        return_annotation=plain(signature.return_annotation))
    return function


def publish(namespace: dict[str, Any], names: list[str]) -> None:
    """Give each function among ``names`` in ``namespace`` a readable signature: a compiled one is
    replaced by its :func:`public` form, a Python one keeps its code and gets unquoted annotations."""
    for name in names:
        value = namespace.get(name)
        if inspect.isbuiltin(value) and getattr(value, "__doc__", None):
            namespace[name] = public(value)
        elif inspect.isfunction(value) and value.__module__.startswith("routemap"):
            unquoted(value)
