#!/usr/bin/env bash
# The README's test command: unit tests and API tests on an embedded PGlite database.
# Needs no PostgreSQL server and no browser. Browser tests live in test/browser and run separately.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find src test scripts web/src -name '*.test.ts' -not -path 'test/browser/*' | sort)
exec node --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" "${files[@]}"
