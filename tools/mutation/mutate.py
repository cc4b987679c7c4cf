"""Mutation testing of the modules that parse untrusted input or guard access.

    tools/mutation.sh [--min-score 90] [--jobs 2] [--list] [MODULE...]

Each module (a path such as ``ocs_desktop/protocol/payload.py``; none means every module of
``targets.toml``) is changed one small way at a time, and the tests that ``targets.toml``
names for it run against each change. A change the tests notice is killed; one they do
not notice survives, and shows a test that is missing or too weak. The score is killed
(timeouts included) over all mutants less the equivalents that ``equivalents.txt`` lists,
and the command exits 1 when a module scores under ``--min-score``.

Everything runs in temporary copies of the work tree taken at the start, one per job,
never in the tree itself; the tests import the copy (``PYTHONPATH`` and pytest's
``pythonpath``), which a deliberately broken module proves before the mutants run. A
mutant whose tests run past the timeout (four times the unmutated run, at least 30 s)
counts as killed by timeout. A mutant is shown, and listed in ``equivalents.txt``, as the
lines it changes, led by as many lines before them as it takes for the text to occur
once in the module.

The changes: comparison swaps (``<`` → ``<=``/``>=``, ``==`` ↔ ``!=``, ``in`` ↔ ``not
in``, ``is`` ↔ ``is not``), ``and`` ↔ ``or``, removing a ``not``, negating an ``if`` or
``while`` condition, arithmetic and bit operator swaps, ``+=`` ↔ ``-=``, ``True`` ↔
``False`` (keyword flags such as ``resolve_entities=False`` and dataclass flags
included), numbers ± 1, emptying a string (not docstrings, f-string text or the message
of an exception or a log call: those are for people), ``min`` ↔ ``max``, ``any`` ↔
``all``, and replacing a statement of a function (a call, an assignment, ``return``,
``raise``, ``break``, ``continue``) by ``pass``. Module level is mutated too: limits,
patterns and tables live there.

Why a small mutator of our own: mutmut 3.8 and cosmic-ray 8.7 were both tried on
payload.py. mutmut can be limited to chosen tests, works in a copy, runs two mutants at
once and times them out, but it only mutates inside functions, so module-level limits,
patterns and tables (``_FILEID``, info_file's ``_LIMITS`` and ``_ESCAPES``, xmlparse's
``_REFUSED_CODECS``) and decorator flags are never tested; its mutant names are counters
per function and its diffs count lines from the function, so a stable list of
equivalents and ``file:line`` output need a wrapper around it anyway; and it replaces
every string, messages included, with ``"XX…XX"``, which fills the list of survivors
with text for people. cosmic-ray mutates whole files and reports diffs, but its local
runner takes one mutant at a time (210 mutants of payload.py took 10 minutes on one
core); running in parallel needs HTTP worker processes in their own clones, and its
mutants are named by operator and occurrence number, which shift with every edit.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import contextlib
import io
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import tokenize
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TARGETS = HERE / "targets.toml"
EQUIVALENTS = HERE / "equivalents.txt"
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "__pycache__", "*.egg-info", ".mypy_cache", ".ruff_cache",
    ".pytest_cache", "build", "dist", "mutants",
)  # fmt: skip
TEST_ENV = {
    "QT_QPA_PLATFORM": "offscreen",
    "OCS_TEST_MYSQL_URL": "mysql+pymysql://root@127.0.0.1:3306",
}

# -- the mutants ---------------------------------------------------------------------------

COMPARE_SWAPS: dict[type, tuple[str, ...]] = {
    ast.Lt: ("<=", ">="),
    ast.LtE: ("<", ">"),
    ast.Gt: (">=", "<="),
    ast.GtE: (">", "<"),
    ast.Eq: ("!=",),
    ast.NotEq: ("==",),
    ast.Is: ("is not",),
    ast.IsNot: ("is",),
    ast.In: ("not in",),
    ast.NotIn: ("in",),
}
COMPARE_TOKEN = re.compile(r"not\s+in\b|is\s+not\b|<=|>=|==|!=|<|>|\bin\b|\bis\b")
BINOP_SWAPS: dict[type, str] = {
    ast.Add: "-",
    ast.Sub: "+",
    ast.Mult: "//",
    ast.Div: "*",
    ast.FloorDiv: "*",
    ast.Mod: "//",
    ast.Pow: "*",
    ast.LShift: ">>",
    ast.RShift: "<<",
    ast.BitAnd: "|",
    ast.BitOr: "&",
    ast.BitXor: "|",
}
BINOP_TOKEN = re.compile(r"\*\*|//|<<|>>|[-+*/%&|^@]")
AUGASSIGN_SWAPS = {"+=": "-=", "-=": "+="}
CALL_SWAPS = {"min": "max", "max": "min", "any": "all", "all": "any"}
LOG_METHODS = {"debug", "info", "warning", "error", "exception", "critical", "log"}
DELETABLE = (
    ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Raise,
    ast.Continue, ast.Break, ast.Assert, ast.Delete,
)  # fmt: skip


@dataclass(frozen=True)
class Edit:
    """Replace the characters ``start:end`` of the source by ``text``."""

    start: int
    end: int
    text: str
    operator: str


@dataclass
class Mutant:
    path: str
    line: int
    operator: str
    original: str
    """The lines the change touches, comments dropped and blanks collapsed."""
    mutated: str
    source: str
    outcome: str = "not run"
    equivalent: str | None = None
    """The reason ``equivalents.txt`` gives, when it lists this mutant."""

    @property
    def key(self) -> str:
        """What identifies the mutant in equivalents.txt: file and exact text, no line."""
        return f"{self.path}: {self.original} -> {self.mutated}"

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}: {self.original} -> {self.mutated}"


class Source:
    """A module's text, with ``ast`` positions (lines and UTF-8 byte columns) turned into
    character offsets, and a copy with comments blanked for showing changes."""

    def __init__(self, path: str, text: str) -> None:
        self.path, self.text = path, text
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        code = list(text)
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.COMMENT:
                begin = self.offset_chars(*tok.start)
                code[begin : begin + len(tok.string)] = " " * len(tok.string)
        self.code = "".join(code)
        self.norm = [" ".join(line.split()) for line in self.code.splitlines(keepends=True)]
        self.flat = " ".join(line for line in self.norm if line)
        self.tree = ast.parse(text)

    def offset_chars(self, lineno: int, col: int) -> int:
        return self.starts[lineno - 1] + col

    def offset(self, lineno: int, col_bytes: int) -> int:
        line = self.lines[lineno - 1]
        return self.starts[lineno - 1] + len(line.encode()[:col_bytes].decode())

    def span(self, node: ast.AST) -> tuple[int, int]:
        start = self.offset(node.lineno, node.col_offset)  # type: ignore[attr-defined]
        return start, self.offset(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]

    def segment(self, node: ast.AST) -> str:
        start, end = self.span(node)
        return self.text[start:end]

    def node_edit(self, node: ast.AST, text: str, operator: str) -> Edit | None:
        """Replace ``node`` by ``text``, if its position is right (old f-string nodes)."""
        start, end = self.span(node)
        if not _same_expression(self.text[start:end], node):
            return None
        return Edit(start, end, text, operator)

    def token_edit(
        self, left: ast.AST, right: ast.AST, token: re.Pattern[str], text: str, operator: str
    ) -> Edit | None:
        """Replace the operator token between two operands by ``text``."""
        begin, end = self.span(left)[1], self.span(right)[0]
        found = token.search(self.code, begin, end)
        if found is None:
            return None
        return Edit(found.start(), found.end(), text, operator)

    def mutant(self, edit: Edit) -> Mutant:
        """The mutant of ``edit``, shown as the lines it touches, preceded by as many lines
        as it takes for that text to occur once in the module (a bare ``return``)."""
        line = first = self.line_of(edit.start)
        last = self.line_of(max(edit.start, edit.end - 1))
        begin, end = self.starts[first], self.starts[last + 1]
        before = " ".join(self.code[begin:end].split())
        after = " ".join(
            (self.code[begin : edit.start] + edit.text + self.code[edit.end : end]).split()
        )
        while first > 0 and self.flat.count(before) > 1:
            first -= 1
            if self.norm[first]:
                before, after = f"{self.norm[first]} {before}", f"{self.norm[first]} {after}"
        return Mutant(
            path=self.path,
            line=line + 1,
            operator=edit.operator,
            original=before,
            mutated=after,
            source=self.text[: edit.start] + edit.text + self.text[edit.end :],
        )

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1


def _same_expression(text: str, node: ast.AST) -> bool:
    try:
        parsed = ast.parse(f"({text})", mode="eval").body
    except SyntaxError:
        return False
    return ast.dump(parsed) == ast.dump(node)


class Mutator(ast.NodeVisitor):
    """Collects the edits of one module; see the module docstring for the list."""

    def __init__(self, source: Source) -> None:
        self.src = source
        self.edits: list[Edit] = []
        self.in_function = False
        self.quiet_strings: set[int] = set()  # id() of message strings

    def add(self, edit: Edit | None) -> None:
        if edit is not None:
            self.edits.append(edit)

    # statements

    def visit_body(self, body: list[ast.stmt], *, loop: bool = False, func: bool = False) -> None:
        """Offer each statement of a function's block for replacement by ``pass``."""
        if not self.in_function:
            return
        for stmt in body:
            last = stmt is body[-1]
            if (
                not isinstance(stmt, DELETABLE)
                or (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant))
                or (isinstance(stmt, ast.AnnAssign) and stmt.value is None)
                # a bare return that ends the function, a continue that ends the loop
                or (last and func and isinstance(stmt, ast.Return) and stmt.value is None)
                or (last and loop and isinstance(stmt, ast.Continue))
            ):
                continue
            start, end = self.src.span(stmt)
            self.add(Edit(start, end, "pass", "statement"))

    def generic_visit(self, node: ast.AST) -> None:
        for name in ("body", "orelse", "finalbody"):
            body = getattr(node, name, None)
            if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
                loop = isinstance(node, ast.For | ast.AsyncFor | ast.While) and name == "body"
                self.visit_body(body, loop=loop, func=False)
        super().generic_visit(node)

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for deco in node.decorator_list:
            self.visit(deco)
        args = node.args
        for default in [*args.defaults, *args.kw_defaults]:
            if default is not None:
                self.visit(default)
        outer, self.in_function = self.in_function, True
        self.visit_body(node.body, func=True)
        for stmt in node.body:
            self.visit(stmt)
        self.in_function = outer

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        for deco in node.decorator_list:
            self.visit(deco)
        outer, self.in_function = self.in_function, False
        for stmt in node.body:
            self.visit(stmt)
        self.in_function = outer

    def visit_Expr(self, node: ast.Expr) -> None:
        if not _is_docstring(node):  # docstrings, also those of attributes
            self.generic_visit(node)

    def visit_AnnAssign(self, node: ast.AnnAssign) -> None:
        if node.value is not None:  # never the annotation
            self.visit(node.value)

    def visit_arg(self, node: ast.arg) -> None:
        pass

    def visit_Import(self, node: ast.Import) -> None:
        pass

    visit_ImportFrom = visit_Import

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            return
        self.negate(node.test)
        self.generic_visit(node)

    def visit_While(self, node: ast.While) -> None:
        self.negate(node.test)
        self.generic_visit(node)

    def visit_IfExp(self, node: ast.IfExp) -> None:
        self.negate(node.test)
        self.generic_visit(node)

    def visit_comprehension(self, node: ast.comprehension) -> None:
        for test in node.ifs:
            self.negate(test)
        self.generic_visit(node)

    def negate(self, test: ast.expr) -> None:
        if isinstance(test, ast.Name | ast.Attribute | ast.Call | ast.Subscript):
            self.add(self.src.node_edit(test, f"not {self.src.segment(test)}", "negate"))

    # expressions

    def visit_Compare(self, node: ast.Compare) -> None:
        operands = [node.left, *node.comparators]
        for left, op, right in zip(operands, node.ops, operands[1:], strict=False):
            for text in COMPARE_SWAPS[type(op)]:
                self.add(self.src.token_edit(left, right, COMPARE_TOKEN, text, "compare"))
        self.generic_visit(node)

    def visit_BoolOp(self, node: ast.BoolOp) -> None:
        text = "or" if isinstance(node.op, ast.And) else "and"
        token = re.compile(r"\band\b" if isinstance(node.op, ast.And) else r"\bor\b")
        for left, right in zip(node.values, node.values[1:], strict=False):
            self.add(self.src.token_edit(left, right, token, text, "boolean"))
        self.generic_visit(node)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            start = self.src.span(node)[0]
            keyword = re.compile(r"not\s*").match(self.src.code, start)
            if keyword is not None:
                self.add(Edit(start, keyword.end(), "", "not"))
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:
        text = BINOP_SWAPS.get(type(node.op))
        if text is not None:
            self.add(self.src.token_edit(node.left, node.right, BINOP_TOKEN, text, "arithmetic"))
        self.generic_visit(node)

    def visit_AugAssign(self, node: ast.AugAssign) -> None:
        begin, end = self.src.span(node.target)[1], self.src.span(node.value)[0]
        found = re.compile(r"[-+]=").search(self.src.code, begin, end)
        if found is not None:
            text = AUGASSIGN_SWAPS[found.group()]
            self.add(Edit(found.start(), found.end(), text, "arithmetic"))
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        if isinstance(node.func, ast.Name) and node.func.id in CALL_SWAPS:
            self.add(self.src.node_edit(node.func, CALL_SWAPS[node.func.id], "call"))
        if _is_message_call(node):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    self.quiet_strings.add(id(arg))
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        for value in node.values:  # the text of an f-string is left alone, its fields not
            if isinstance(value, ast.FormattedValue):
                self.visit(value)

    def visit_Constant(self, node: ast.Constant) -> None:
        value = node.value
        if isinstance(value, bool):
            self.add(self.src.node_edit(node, str(not value), "boolean"))
        elif isinstance(value, int | float):
            original = self.src.segment(node)
            for new in (value + 1, value - 1):
                self.add(self.src.node_edit(node, _number(new, original), "number"))
        elif isinstance(value, str | bytes) and id(node) not in self.quiet_strings:
            prefix = "b" if isinstance(value, bytes) else ""
            text = f'{prefix}""' if value else f'{prefix}"x"'
            self.add(self.src.node_edit(node, text, "string"))


def _number(value: float, original: str) -> str:
    if isinstance(value, int) and original[:2].lower() in ("0x", "0o", "0b") and value >= 0:
        return {"0x": hex, "0o": oct, "0b": bin}[original[:2].lower()](value)
    return repr(value)


def _is_docstring(stmt: ast.stmt) -> bool:
    return (
        isinstance(stmt, ast.Expr)
        and isinstance(stmt.value, ast.Constant)
        and isinstance(stmt.value.value, str)
    )


def _is_type_checking(test: ast.expr) -> bool:
    return isinstance(test, ast.Name | ast.Attribute) and "TYPE_CHECKING" in ast.unparse(test)


def _is_message_call(call: ast.Call) -> bool:
    """An exception, a warning or a log call: its positional strings are text for people."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name.endswith(("Error", "Exception", "Warning")):
        return True
    return isinstance(func, ast.Attribute) and name in LOG_METHODS


def mutants_of(path: str) -> list[Mutant]:
    """Every distinct mutant of the module at ``path`` (relative to the project root)."""
    source = Source(path, (ROOT / path).read_text(encoding="utf-8"))
    mutator = Mutator(source)
    mutator.visit(source.tree)
    seen = {ast.dump(source.tree)}
    result = []
    for edit in sorted(mutator.edits, key=lambda e: (e.start, e.end, e.text)):
        mutant = source.mutant(edit)
        try:
            shape = ast.dump(ast.parse(mutant.source))
        except SyntaxError:
            continue
        if shape not in seen:  # a no-op, or the same program as another mutant
            seen.add(shape)
            result.append(mutant)
    return result


# -- targets and equivalents ---------------------------------------------------------------


@dataclass
class Target:
    path: str
    tests: list[str]
    k: str | None = None
    timeout: float | None = None


def load_targets() -> dict[str, Target]:
    data = tomllib.loads(TARGETS.read_text(encoding="utf-8"))
    return {
        path: Target(path, list(entry["tests"]), entry.get("k"), entry.get("timeout"))
        for path, entry in data.items()
    }


@dataclass
class Equivalents:
    reasons: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)


def load_equivalents() -> Equivalents:
    """``equivalents.txt``: each entry is ``PATH: ORIGINAL -> MUTATED`` exactly as the
    survivors are printed, without the line number, right under a ``# reason`` line."""
    result = Equivalents()
    reason: str | None = None
    for number, raw in enumerate(EQUIVALENTS.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            reason = None
        elif line.startswith("#"):
            reason = line.lstrip("#").strip()
        elif reason is None:
            raise SystemExit(f"{EQUIVALENTS}:{number}: an entry needs a '# reason' line above it")
        else:
            result.reasons[line] = reason
    return result


# -- running the tests ---------------------------------------------------------------------


class Stopped(Exception):
    pass


class Runner:
    """Temporary copies of the work tree, one per job, and the tests run inside them."""

    def __init__(self, jobs: int) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="ocs-mutation-"))
        self.copies: queue.Queue[Path] = queue.Queue()
        for n in range(jobs):
            copy = self.work / f"tree{n}"
            shutil.copytree(ROOT, copy, ignore=COPY_IGNORE, symlinks=True)
            self.copies.put(copy)
        self.running: set[subprocess.Popen[bytes]] = set()
        self.lock = threading.Lock()
        self.stopping = False

    def stop(self) -> None:
        """Kill the tests running now; later runs raise ``Stopped`` at once."""
        with self.lock:
            self.stopping = True
            for process in self.running:
                _kill(process)

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def run(
        self, target: Target, source: str | None, timeout: float, *, warm: bool = False
    ) -> tuple[str, float, str]:
        """Run ``target``'s tests in a free copy whose module holds ``source`` (None: as
        it is). Returns the outcome (passed, failed, timeout), the seconds and the output.
        ``warm`` lets Python write bytecode caches, for the first, unmutated run."""
        copy = self.copies.get()
        module = copy / target.path
        original = module.read_text(encoding="utf-8")
        try:
            if source is not None:
                module.write_text(source, encoding="utf-8")
            for stale in module.parent.glob(f"__pycache__/{module.stem}.*.pyc"):
                stale.unlink()  # its mtime and size may match a mutant's
            return self._pytest(copy, target, timeout, warm)
        finally:
            module.write_text(original, encoding="utf-8")
            self.copies.put(copy)

    def _pytest(
        self, copy: Path, target: Target, timeout: float, warm: bool
    ) -> tuple[str, float, str]:
        command = [sys.executable, "-m", "pytest", "-x", "-q", "--no-header", "-p",
                   "no:cacheprovider", f"--basetemp={copy}.tmp", *target.tests]  # fmt: skip
        if target.k:
            command += ["-k", target.k]
        path = os.pathsep.join(filter(None, [str(copy), os.environ.get("PYTHONPATH")]))
        env = {**TEST_ENV, **os.environ, "PYTHONPATH": path}
        if not warm:  # the module must be compiled afresh from each mutant's source
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        started = time.monotonic()
        with tempfile.TemporaryFile() as output:
            with self.lock:
                if self.stopping:
                    raise Stopped
                process = subprocess.Popen(
                    command, cwd=copy, env=env, stdin=subprocess.DEVNULL, stdout=output,
                    stderr=subprocess.STDOUT, start_new_session=True,
                )  # fmt: skip
                self.running.add(process)
            try:
                code = process.wait(timeout)
                outcome = "passed" if code == 0 else "failed"
            except subprocess.TimeoutExpired:
                _kill(process)
                outcome = "timeout"
            finally:
                with self.lock:
                    self.running.discard(process)
            output.seek(0)
            text = output.read().decode(errors="replace")
        return outcome, time.monotonic() - started, text


def _kill(process: subprocess.Popen[bytes]) -> None:
    """Kill the tests and whatever they started (a live server): their whole session."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


# -- one module ----------------------------------------------------------------------------


class Failure(Exception):
    pass


@dataclass
class Result:
    path: str
    mutants: list[Mutant]
    seconds: float

    def count(self, outcome: str) -> int:
        """Mutants with ``outcome``; survivors that equivalents.txt lists are not counted."""
        listed = outcome == "survived"
        return sum(m.outcome == outcome and not (listed and m.equivalent) for m in self.mutants)

    @property
    def equivalents(self) -> int:
        return sum(m.outcome == "survived" and m.equivalent is not None for m in self.mutants)

    @property
    def score(self) -> float:
        counted = len(self.mutants) - self.equivalents
        killed = self.count("killed") + self.count("timeout")
        return 100.0 if counted == 0 else 100.0 * killed / counted


def test_module(runner: Runner, target: Target, equivalents: Equivalents, jobs: int) -> Result:
    started = time.monotonic()
    mutants = mutants_of(target.path)
    for mutant in mutants:
        mutant.equivalent = equivalents.reasons.get(mutant.key)
        if mutant.equivalent is not None:
            equivalents.used.add(mutant.key)

    with ThreadPoolExecutor(jobs) as pool:
        try:
            # The unmutated tests pass, and warm the bytecode caches, in every copy.
            warm = partial(runner.run, target, None, BASELINE_TIMEOUT, warm=True)
            baselines = list(pool.map(lambda _: warm(), range(jobs)))
            for outcome, _, output in baselines:
                if outcome != "passed":
                    raise Failure(f"{target.path}: the tests fail unmutated:\n{_tail(output)}")
            base = max(seconds for _, seconds, _ in baselines)
            limit = target.timeout or max(MIN_TIMEOUT, TIMEOUT_FACTOR * base)

            # A module that cannot even be imported fails them: proof that the copy is tested.
            broken = (ROOT / target.path).read_text(encoding="utf-8") + BROKEN
            if runner.run(target, broken, limit)[0] == "passed":
                raise Failure(
                    f"{target.path}: the tests pass with the module broken, so they do not "
                    f"import it from the copy (see {TARGETS.relative_to(ROOT)})"
                )
            selection = " ".join(target.tests) + (f" -k {target.k!r}" if target.k else "")
            print(
                f"{target.path}: {len(mutants)} mutants; tests: {selection}; {base:.1f} s "
                f"unmutated, timeout {limit:.0f} s, {jobs} jobs",
                flush=True,
            )

            done = iter(range(1, len(mutants) + 1))
            lock = threading.Lock()

            def one(mutant: Mutant) -> None:
                outcome = runner.run(target, mutant.source, limit)[0]
                mutant.outcome = {"passed": "survived", "failed": "killed"}.get(outcome, outcome)
                with lock:
                    n = next(done)
                if n % 25 == 0 or n == len(mutants):
                    print(f"  {n}/{len(mutants)}", file=sys.stderr, flush=True)

            list(pool.map(one, mutants))
        except BaseException:
            runner.stop()  # Ctrl-C or a failure: no waiting for the queued mutants
            raise
    return Result(target.path, mutants, time.monotonic() - started)


BASELINE_TIMEOUT = 600.0
MIN_TIMEOUT = 30.0
TIMEOUT_FACTOR = 4
BROKEN = "\nraise RuntimeError('tools/mutation: a deliberately broken module')\n"


def _tail(text: str, lines: int = 40) -> str:
    return "\n".join(text.rstrip().splitlines()[-lines:])


def report(result: Result) -> None:
    mutants = result.mutants
    print(
        f"{result.path}: {len(mutants)} mutants, {result.count('killed')} killed, "
        f"{result.count('timeout')} timed out, {result.count('survived')} survived, "
        f"{result.equivalents} equivalent (excluded): score {result.score:.1f} %, "
        f"{result.seconds:.0f} s"
    )
    for mutant in mutants:
        if mutant.equivalent is not None and mutant.outcome != "survived":
            print(f"  listed in {EQUIVALENTS.name} but {mutant.outcome}: {mutant.key}")
    for mutant in mutants:
        if mutant.outcome == "timeout":
            print(f"  timed out (counts as killed): {mutant.where}")
    for mutant in mutants:
        if mutant.outcome == "survived" and mutant.equivalent is None:
            print(f"  survived: {mutant.where}")
    sys.stdout.flush()


def summarise(results: list[Result], equivalents: Equivalents, min_score: float) -> None:
    paths = {r.path for r in results}
    for key in equivalents.reasons:
        if key.split(": ", 1)[0] in paths and key not in equivalents.used:
            print(f"stale entry in {EQUIVALENTS.name}, no such mutant any more: {key}")
    print(f"\n{'module':<40} {'mutants':>7} {'killed':>6} {'timeout':>7} {'survived':>8} "
          f"{'equiv':>5} {'score':>7} {'time':>6}")  # fmt: skip
    for r in results:
        below = "" if r.score >= min_score else f"  under {min_score:g} %"
        print(
            f"{r.path:<40} {len(r.mutants):>7} {r.count('killed'):>6} {r.count('timeout'):>7} "
            f"{r.count('survived'):>8} {r.equivalents:>5} {r.score:>6.1f}% {r.seconds:>5.0f}s"
            f"{below}"
        )


def resolve(module: str, targets: dict[str, Target]) -> Target:
    path = module.removeprefix("./")
    if not path.endswith(".py"):
        path = path.replace(".", "/") + ".py"
    if path not in targets:
        raise Failure(f"{module}: not in {TARGETS.relative_to(ROOT)}; add it with its tests")
    target = targets[path]
    missing = [t for t in target.tests if not (ROOT / t.split("::")[0]).exists()]
    if missing:
        raise Failure(f"{path}: {TARGETS.relative_to(ROOT)} names missing tests: {missing}")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/mutation.sh", description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help="default: every target")
    parser.add_argument("--min-score", type=float, default=90.0, help="default: %(default)s")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--list", action="store_true", help="print the mutants, run nothing")
    args = parser.parse_args(argv)
    # Killed: stop the tests and remove the copies on the way out, as for Ctrl-C.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    try:
        targets = load_targets()
        chosen = [resolve(m, targets) for m in args.modules] or list(targets.values())
        equivalents = load_equivalents()
        if args.list:
            for target in chosen:
                for mutant in mutants_of(target.path):
                    listed = " (equivalent)" if mutant.key in equivalents.reasons else ""
                    print(f"{mutant.where}  [{mutant.operator}]{listed}")
            return 0
        runner = Runner(args.jobs)
        results = []
        try:
            for target in chosen:
                results.append(test_module(runner, target, equivalents, args.jobs))
                report(results[-1])
        finally:
            runner.close()
    except Failure as failure:
        print(f"tools/mutation: {failure}", file=sys.stderr)
        return 2
    summarise(results, equivalents, args.min_score)
    return 1 if any(r.score < args.min_score for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
