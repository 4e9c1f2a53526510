#!/usr/bin/env python3
"""Validates SARIF logs with the Microsoft SARIF multitool.

usage: sarif-validate.py <Sarif.Multitool> <log.sarif>...

Runs `validate --rule-kind "Gh;Sarif" --level Error` (the SARIF 2.1.0 schema
and rules, and GitHub code scanning's ingestion rules) on each log and prints
every error line. The multitool exits 0 even when it finds errors, so this
script counts the ': error ' lines itself and exits 1 if there is any.
"""
import os
import subprocess
import sys
import tempfile


def main():
    tool, logs = sys.argv[1], sys.argv[2:]
    if not os.path.exists(tool):
        print("sarif-validate: the SARIF multitool is not installed at " + tool)
        return 2
    errors = 0
    for log in logs:
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, "validation.sarif")
            proc = subprocess.run(
                [tool, "validate", "--rule-kind", "Gh;Sarif", "--level", "Error",
                 "-o", out, log],
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for line in proc.stdout.splitlines():
                if ": error " in line:
                    errors += 1
                    print(line)
            if proc.returncode != 0:
                print("sarif-validate: the multitool failed on %s (exit %d)"
                      % (log, proc.returncode))
                print(proc.stdout)
                errors += 1
    print("sarif-validate: %d error(s) in %d log(s)" % (errors, len(logs)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
