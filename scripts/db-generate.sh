#!/usr/bin/env bash
# Generates the next SQL migration from the drizzle schema (src/platform/db/schema.ts, src/*/tables.ts, src/*/tables/*.ts and src/platform/*/tables.ts).
# Serialised with a lock so that two people generating at once do not number two files alike.
# Usage: bash scripts/db-generate.sh <name> [--custom]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
exec flock .tmp/drizzle-generate.lock npx drizzle-kit generate --name "$1" "${@:2}"
