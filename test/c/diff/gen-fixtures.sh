#!/bin/sh
# Regenerates the gcc outputs (*.out) the differential test falls back on when gcc is absent.
# Run from anywhere: sh test/c/diff/gen-fixtures.sh
set -e
cd "$(dirname "$0")"
for f in *.c; do
  gcc -w -O0 -o /tmp/socklab-diff.out "$f"
  /tmp/socklab-diff.out > "${f%.c}.out"
done
rm -f /tmp/socklab-diff.out
