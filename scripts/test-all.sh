#!/usr/bin/env bash
# Set up and run every test: the README's test command runs this. Prints "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm install --frozen-lockfile
pnpm build
pnpm typecheck
pnpm lint

mkdir -p .cache
set +e
NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" \
  pnpm exec jest --ci --json --outputFile=.cache/jest.json
status=$?
set -e
node -e 'const r = JSON.parse(require("fs").readFileSync(".cache/jest.json", "utf8")); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)' \
  || echo "0 passed, 1 failed"
exit "$status"
