#!/usr/bin/env python3
"""Checks that clang-tidy with the resdll plugin, resdll-tidy and
resdll-check report the same findings for the same sources.

    tidy-parity.py --resdll-check BIN --clang-tidy BIN --plugin SO
                   --resdll-tidy BIN [--root DIR] GLOB...
    tidy-parity.py --list-checks --resdll-check BIN --clang-tidy BIN
                   --plugin SO --resdll-tidy BIN

The globs (relative to --root) are expanded when the test runs, so the
inputs of rules added later are covered without editing the test. Each
source is analysed with default settings (no settings file, every rule
enabled) and with the compiler arguments its own RUN lines pass after `--`
(%s, %S and %p substituted), so that sources needing include directories
or defines still parse. A finding is its warning (rule, file, line, column,
message) with its notes in order (file, line, column, message); the three
multisets of findings must be equal, and the tools must agree on which
files fail to compile. Prints one summary line on success:
    parity: N files, M findings, identical in clang-tidy --load, resdll-tidy and resdll-check
and the differences otherwise (exit status 1).

With --list-checks it checks instead that every rule of resdll-check
(--checks='*' --list-checks) is a check of clang-tidy --load and of
resdll-tidy, and nothing else is, and that neither prints an error while
loading (such as LLVM's "Option ... registered more than once").
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

DIAG = re.compile(
    r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<sev>warning|note|error): "
    r"(?P<msg>.*?)(?: \[(?P<check>[^\]\s]+)\])?$")


def run_lines(path):
    """The compiler arguments the file's RUN lines give resdll-check."""
    args = []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = re.search(r"RUN:(.*)$", line)
            if not m or "%resdll-check" not in m.group(1):
                continue
            cmd = m.group(1)
            cmd = cmd.replace("%s", path).replace("%S", os.path.dirname(path))
            cmd = cmd.replace("%p", os.path.dirname(path))
            part = cmd.split("%resdll-check", 1)[1]
            part = re.split(r"\s(?:\||2>|>|&&)", part)[0]
            words = shlex.split(part)
            if "--" in words:
                args = words[words.index("--") + 1:]
                break
    return tuple(args)


def parse(text):
    """Findings of rule checks (resdll-*) and the files with compiler errors."""
    findings, errors = [], set()
    current = None
    for raw in text.splitlines():
        m = DIAG.match(raw.rstrip("\r"))
        if not m:
            continue
        path = os.path.realpath(m.group("file"))
        where = (path, int(m.group("line")), int(m.group("col")))
        if m.group("sev") == "error":
            errors.add(path)
            current = None
        elif m.group("sev") == "warning":
            check = m.group("check") or ""
            if check.startswith("resdll-"):
                current = [check, where, m.group("msg"), []]
                findings.append(current)
            else:
                current = None
        elif current is not None:
            current[3].append((where, m.group("msg")))
    keys = [(f[0], f[1], f[2], tuple(f[3])) for f in findings]
    return Counter(keys), errors


def run(cmd, ok_codes):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       universal_newlines=True)
    if p.returncode not in ok_codes:
        sys.stderr.write("command failed (%d): %s\n%s%s" %
                         (p.returncode, " ".join(cmd), p.stdout, p.stderr))
        sys.exit(2)
    return p.stdout + "\n" + p.stderr


def show(finding):
    check, (f, l, c), msg, notes = finding
    out = "  %s:%d:%d: warning: %s [%s]\n" % (f, l, c, msg, check)
    for (nf, nl, nc), nmsg in notes:
        out += "    %s:%d:%d: note: %s\n" % (nf, nl, nc, nmsg)
    return out


def list_checks(a):
    p = subprocess.run([a.resdll_check, "--checks=*", "--list-checks"],
                       stdout=subprocess.PIPE, universal_newlines=True,
                       check=True)
    rules = set(p.stdout.split())
    if not rules:
        sys.stderr.write("tidy-parity: resdll-check lists no rule\n")
        return 2
    ok = True
    for tool, cmd in (("clang-tidy --load", [a.clang_tidy, "--load=" + a.plugin]),
                      ("resdll-tidy", [a.resdll_tidy])):
        p = subprocess.run(cmd + ["--checks=-*,resdll-*", "--list-checks"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           universal_newlines=True)
        listed = set(re.findall(r"^\s+(resdll-\S+)$", p.stdout, re.M))
        if p.returncode != 0 or p.stderr.strip():
            ok = False
            sys.stdout.write("%s: exit status %d, stderr:\n%s" %
                             (tool, p.returncode, p.stderr))
        if listed != rules:
            ok = False
            sys.stdout.write("%s lists %s, the rules are %s\n" %
                             (tool, sorted(listed), sorted(rules)))
    if not ok:
        return 1
    print("list-checks: %d rules, each a check of clang-tidy --load and "
          "resdll-tidy" % len(rules))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--resdll-check", required=True)
    ap.add_argument("--clang-tidy", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--resdll-tidy", required=True)
    ap.add_argument("--root", default=".")
    ap.add_argument("--list-checks", action="store_true")
    ap.add_argument("globs", nargs="*")
    a = ap.parse_args()
    if a.list_checks:
        return list_checks(a)

    files = sorted({os.path.realpath(p) for g in a.globs
                    for p in glob.glob(os.path.join(a.root, g))})
    if not files:
        sys.stderr.write("tidy-parity: no input matches %s\n" % a.globs)
        return 2
    groups = defaultdict(list)
    for f in files:
        groups[run_lines(f)].append(f)

    with tempfile.TemporaryDirectory() as tmp:
        empty = os.path.join(tmp, "empty.yaml")
        open(empty, "w").close()
        # --config keeps clang-tidy from reading .clang-tidy files, as the
        # empty --config-file keeps resdll-check from reading its own.
        tidy_config = "--config={Checks: '-*,resdll-*'}"
        totals = {"clang-tidy --load": Counter(), "resdll-tidy": Counter(),
                  "resdll-check": Counter()}
        errors = {k: set() for k in totals}
        for extra, srcs in sorted(groups.items()):
            extra = list(extra)
            outputs = {
                "resdll-check": run([a.resdll_check, "-j", "1",
                                     "--config-file", empty] + srcs +
                                    ["--"] + extra, (0, 1, 2)),
                "clang-tidy --load": run([a.clang_tidy, "--load=" + a.plugin,
                                          tidy_config, "--header-filter=.*"] +
                                         srcs + ["--"] + extra, (0, 1)),
                "resdll-tidy": run([a.resdll_tidy, tidy_config,
                                    "--header-filter=.*"] + srcs + ["--"] +
                                   extra, (0, 1)),
            }
            for tool, text in outputs.items():
                found, errs = parse(text)
                totals[tool] += found
                errors[tool] |= errs

    ref = totals["resdll-check"]
    same = True
    for tool in ("clang-tidy --load", "resdll-tidy"):
        if totals[tool] != ref:
            same = False
            sys.stdout.write("%s differs from resdll-check\n" % tool)
            for f in sorted((ref - totals[tool]).elements()):
                sys.stdout.write(" only in resdll-check:\n" + show(f))
            for f in sorted((totals[tool] - ref).elements()):
                sys.stdout.write(" only in %s:\n" % tool + show(f))
        if errors[tool] != errors["resdll-check"]:
            same = False
            sys.stdout.write("%s and resdll-check disagree on the files that "
                             "do not compile: %s vs %s\n" %
                             (tool, sorted(errors[tool]),
                              sorted(errors["resdll-check"])))
    if not same:
        return 1
    print("parity: %d files, %d findings, identical in clang-tidy --load, "
          "resdll-tidy and resdll-check" % (len(files), sum(ref.values())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
