#!/usr/bin/env python3
"""Check an egress-audit JSON report against the annotations in a source tree.

Usage: check_expectations.py REPORT.json SOURCE_ROOT

Annotations are comments on the line of a sink call (or, for a flow through a
wrapper, on the line of the call of the wrapper):

    send(fd, buf, n, 0);  // expect: violation customer.contact shipment.tracking
    send(fd, buf, n, 0);  // expect-none

`expect: VERDICT CATEGORY...` passes when at least one finding has its sink, or one
of its path steps, on that file:line, has exactly that verdict and carries at least
the listed categories (more are fine). Free text may follow after ` -- `.
`expect-none` passes when no finding has its sink or a path step on that line.

Paths in the report are relative to SOURCE_ROOT (the scan's --root); they are
compared by path suffix so absolute or differently rooted paths match too.

Prints one line per annotation (`PASS file:line ...` or `FAIL file:line: reason`),
`NOTE` lines for findings on no annotated line, and closes with `N passed, N failed`.
Exit status: 0 when all passed, 1 otherwise (a report that cannot be read counts as
one failure). Python 3 standard library only.
"""

import json
import os
import re
import sys

VERDICTS = ("violation", "allowed", "unresolved")
SOURCE_SUFFIXES = (".cpp", ".cc", ".cxx", ".c", ".h", ".hh", ".hpp", ".hxx")
SKIP_DIRS = {"CMakeFiles", ".git", "__pycache__"}

# `// expect-none` must be tested before `// expect:`; both may sit after code.
EXPECT_NONE_RE = re.compile(r"//\s*expect-none\b")
EXPECT_RE = re.compile(r"//\s*expect:\s*(.*?)\s*$")
CATEGORY_RE = re.compile(r"^(\*|[a-z][a-z0-9_]*\.(\*|[a-z][a-z0-9_]*))$")


class Expectation:
    def __init__(self, rel, line, kind, verdict=None, categories=(), error=None):
        self.rel = rel
        self.line = line
        self.kind = kind  # "expect" | "none"
        self.verdict = verdict
        self.categories = list(categories)
        self.error = error  # malformed annotation

    def where(self):
        return "%s:%d" % (self.rel, self.line)

    def describe(self):
        if self.kind == "none":
            return "expect-none"
        return "expect %s %s" % (self.verdict, " ".join(self.categories))


def parse_expect(text):
    """Parses the text after `expect:`; returns (verdict, categories, error)."""
    text = text.split(" -- ", 1)[0]
    if text.endswith("*/"):
        text = text[:-2]
    words = text.split()
    if not words:
        return None, [], "empty expectation; expected `expect: VERDICT CATEGORY...`"
    verdict = words[0]
    if verdict not in VERDICTS:
        return None, [], "unknown verdict %r; expected one of %s" % (verdict, "|".join(VERDICTS))
    cats = words[1:]
    if not cats:
        return verdict, [], "no categories listed after %r" % verdict
    bad = [c for c in cats if not CATEGORY_RE.match(c)]
    if bad:
        return verdict, cats, "malformed category %r" % bad[0]
    return verdict, cats, None


def collect_expectations(root):
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root).replace(os.sep, "/")
            with open(full, encoding="utf-8", errors="replace") as fh:
                for lineno, text in enumerate(fh, start=1):
                    if EXPECT_NONE_RE.search(text):
                        found.append(Expectation(rel, lineno, "none"))
                        continue
                    m = EXPECT_RE.search(text)
                    if m:
                        verdict, cats, err = parse_expect(m.group(1))
                        found.append(Expectation(rel, lineno, "expect", verdict, cats, err))
    return found


def norm_parts(path):
    path = str(path).replace("\\", "/")
    return [p for p in path.split("/") if p not in ("", ".")]


def same_file(report_path, rel, root_abs):
    """True when a path from the report names the annotated file `rel` under root."""
    if not report_path:
        return False
    rp = str(report_path).replace("\\", "/")
    if os.path.isabs(rp):
        try:
            candidate = os.path.relpath(rp, root_abs).replace(os.sep, "/")
        except ValueError:
            candidate = rp
        if not candidate.startswith("../") and norm_parts(candidate) == norm_parts(rel):
            return True
    a, b = norm_parts(rp), norm_parts(rel)
    if not a or not b:
        return False
    n = min(len(a), len(b))
    return a[-n:] == b[-n:]


def as_line(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def finding_locations(f):
    """(file, line) pairs of a finding: its sink, then every path step."""
    locs = []
    sink = f.get("sink") or {}
    locs.append((sink.get("file"), as_line(sink.get("line"))))
    for step in f.get("path") or []:
        if isinstance(step, dict):
            locs.append((step.get("file"), as_line(step.get("line"))))
    return locs


def touches(f, exp, root_abs):
    return any(line == exp.line and same_file(path, exp.rel, root_abs)
               for path, line in finding_locations(f))


def summarize(f):
    sink = f.get("sink") or {}
    dest = f.get("destination") or {}
    where = dest.get("display") or dest.get("host") or dest.get("unresolved") or "?"
    return "%s [%s] at %s:%s -> %s" % (
        f.get("verdict"), ",".join(f.get("categories") or []),
        sink.get("file"), sink.get("line"), where)


def check(findings, expectations, root_abs):
    passed, failed = 0, 0
    for exp in expectations:
        if exp.error:
            print("FAIL %s: malformed annotation: %s" % (exp.where(), exp.error))
            failed += 1
            continue
        hits = [f for f in findings if touches(f, exp, root_abs)]
        if exp.kind == "none":
            if hits:
                print("FAIL %s: expected no finding, got %d: %s" % (
                    exp.where(), len(hits), "; ".join(summarize(f) for f in hits)))
                failed += 1
            else:
                print("PASS %s expect-none" % exp.where())
                passed += 1
            continue
        good = [f for f in hits
                if f.get("verdict") == exp.verdict
                and set(exp.categories) <= set(f.get("categories") or [])]
        if good:
            print("PASS %s %s (%s)" % (exp.where(), exp.describe(), summarize(good[0])))
            passed += 1
        elif not hits:
            print("FAIL %s: %s: no finding has its sink or a path step on this line" % (
                exp.where(), exp.describe()))
            failed += 1
        else:
            print("FAIL %s: %s: findings here do not match: %s" % (
                exp.where(), exp.describe(), "; ".join(summarize(f) for f in hits)))
            failed += 1
    return passed, failed


def note_unannotated(findings, expectations, root_abs):
    for f in findings:
        if not any(touches(f, exp, root_abs) for exp in expectations):
            print("NOTE finding on no annotated line: %s" % summarize(f))


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: check_expectations.py REPORT.json SOURCE_ROOT\n")
        return 2
    report_path, root = argv[1], argv[2]
    root_abs = os.path.abspath(root)

    if not os.path.isdir(root_abs):
        print("FAIL %s: source root is not a directory" % root)
        print("0 passed, 1 failed")
        return 1
    expectations = collect_expectations(root_abs)
    if not expectations:
        print("FAIL %s: no `// expect:` or `// expect-none` annotations found" % root)
        print("0 passed, 1 failed")
        return 1

    try:
        with open(report_path, encoding="utf-8") as fh:
            report = json.load(fh)
        findings = report["findings"]
        if not isinstance(findings, list) or not all(isinstance(f, dict) for f in findings):
            raise ValueError("'findings' is not a list of objects")
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("FAIL %s: cannot read the report: %s" % (report_path, e))
        print("0 passed, 1 failed")
        return 1

    tool = report.get("tool") or {}
    coverage = report.get("coverage") or {}
    print("report: %s %s, %d finding(s), %s translation unit(s); %d annotation(s) under %s" % (
        tool.get("name", "?"), tool.get("version", "?"), len(findings),
        coverage.get("translation_units", "?"), len(expectations), root))
    for item in coverage.get("failed") or []:
        print("NOTE translation unit failed: %s" % (item if isinstance(item, str) else json.dumps(item)))
    for item in coverage.get("partial") or []:
        print("NOTE translation unit partially analysed: %s" % (item if isinstance(item, str) else json.dumps(item)))

    passed, failed = check(findings, expectations, root_abs)
    note_unannotated(findings, expectations, root_abs)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
