#!/usr/bin/env python3
"""Checks that a rule's documentation page shows exactly the tool's output.

usage: doc-example.py <resdll-check> <rules/ID.md> <rule-id> <fixed-source>
                      [extra resdll-check arguments...]

The page's "## Bad" section holds a whole translation unit (the first ```c
or ```cpp block) and then the output block (the next plain ``` block); the
"## Good" section holds an excerpt of <fixed-source> and its output. The
bad unit is written to demo.c (demo.cpp) in a scratch directory and
checked there with --checks=-*,<rule-id>; the excerpt must appear in
<fixed-source> line for line, and <fixed-source>, copied next to it, must
give the good output. Any difference is printed and the exit status is 1.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile


def blocks(text, section):
    """The first code block and the next plain block after a heading."""
    start = text.index("\n" + section + "\n")
    rest = text[start:]
    code = re.search(r"^```(c|cpp)\n(.*?)^```$", rest, re.S | re.M)
    out = re.search(r"^```\n(.*?)^```$", rest[code.end():], re.S | re.M)
    return code.group(1), code.group(2), out.group(1)


def run(tool, rule, source, extra, cwd):
    proc = subprocess.run(
        [tool, "--checks=-*," + rule, source] + extra, cwd=cwd,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.stdout


def compare(what, expected, actual):
    if expected == actual:
        return 0
    print("%s: the page and the tool differ:" % what)
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(True), actual.splitlines(True),
        "page", "resdll-check"))
    return 1


def main():
    tool, page, rule, fixed = sys.argv[1:5]
    tool = os.path.abspath(tool)
    extra = sys.argv[5:]
    text = open(page).read()
    lang, bad, bad_out = blocks(text, "## Bad")
    _, good, good_out = blocks(text, "## Good")
    errors = 0
    with tempfile.TemporaryDirectory() as tmp:
        name = "demo." + lang
        with open(os.path.join(tmp, name), "w") as f:
            f.write(bad)
        errors += compare("Bad", bad_out, run(tool, rule, name, extra, tmp))
        fixed_name = os.path.basename(fixed)
        shutil.copy(fixed, os.path.join(tmp, fixed_name))
        errors += compare("Good", good_out,
                          run(tool, rule, fixed_name, extra, tmp))
    excerpt = good.splitlines()
    source = open(fixed).read().splitlines()
    if not any(source[i:i + len(excerpt)] == excerpt
               for i in range(len(source))):
        print("Good: the excerpt is not part of " + fixed)
        errors += 1
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
