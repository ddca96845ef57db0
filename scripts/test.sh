#!/usr/bin/env bash
# The README's test command: unit tests and API tests on an embedded PGlite database.
# Needs no PostgreSQL server and no browser. Browser tests live in test/browser and run separately.
# Every *.test.ts under src/, shared/, test/ (except test/browser/), scripts/ and web/src/ runs, several files
# per process in balanced shards (scripts/test-run.ts); arguments narrow it to files or folders.
# TEST_SHARDS sets the number of processes (default: the number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."
exec node --import tsx scripts/test-run.ts "$@"
