#!/usr/bin/env bash
# The API suite (test/api/ and the authorization matrix in test/access/) on a real PostgreSQL server:
# TEST_DATABASE_URL points at a server where the user may create databases; every test file creates
# its own database and drops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${TEST_DATABASE_URL:=postgres://postgres@127.0.0.1:5432/postgres}"
export TEST_DATABASE_URL
mapfile -t files < <(find test/api test/access -name '*.test.ts' | sort)
# quiet-async-hooks: node:test's promise tracking off, as in `npm test` (docs/decisions/0003).
exec node --import ./test/support/quiet-async-hooks.mjs --import tsx --test --test-concurrency="${TEST_CONCURRENCY:-2}" "${files[@]}"
