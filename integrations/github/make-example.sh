#!/bin/sh
# Writes integrations/github/example.sarif, the SARIF log that the docs show:
# resdll-check run from the repository root over the example DLL
# (test-inputs/examples/filewatch.c), with this checkout's directory written
# as a GitHub runner's. The test lit-tests/sarif/example-up-to-date.test
# runs it and compares; after a change to the log, regenerate with
#   PATH="$PWD/build/bin:$PATH" integrations/github/make-example.sh
# (resdll-check is taken from PATH; the output path is the first argument.)
set -eu
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${1:-$root/integrations/github/example.sarif}"
cd "$root"
status=0
resdll-check --format=sarif test-inputs/examples/filewatch.c > "$out.tmp" 2>/dev/null || status=$?
if [ "$status" -ne 1 ]; then
  echo "make-example.sh: resdll-check exited with $status (1 expected: the example has one finding)" >&2
  rm -f "$out.tmp"
  exit 1
fi
sed -e "s|file://$root/|file:///home/runner/work/resdll-check/resdll-check/|g" "$out.tmp" > "$out"
rm -f "$out.tmp"
