#!/usr/bin/env bash
# Browser tests in Debian's Chromium (apt: chromium fonts-noto-cjk). Builds the UI first.
set -euo pipefail
cd "$(dirname "$0")/.."
node node_modules/vite/bin/vite.js build --config web/vite.config.ts --logLevel warn
mapfile -t files < <(find test/browser -name '*.test.ts' | sort)
exec node --import tsx --test --test-concurrency=1 "${files[@]}"
