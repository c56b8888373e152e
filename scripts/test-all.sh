#!/usr/bin/env bash
# Set up and run every test: the README's test command runs this. Runs the Jest suites, then the
# build suite (pnpm test:builds: real builds with buildah, needs root; a missing builder fails it),
# prints each one's "N passed, N failed" and ends with one line summing both. Exits non-zero if
# either had a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

pnpm install --frozen-lockfile
pnpm build
pnpm typecheck
pnpm lint

mkdir -p .cache
rm -f .cache/jest.json .cache/builds.log
set +e
NODE_OPTIONS="--experimental-vm-modules --disable-warning=ExperimentalWarning" \
  pnpm exec jest --ci --json --outputFile=.cache/jest.json
jest_status=$?
set -e
jest_line=$(node -e 'const r = JSON.parse(require("fs").readFileSync(".cache/jest.json", "utf8")); console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`)' 2>/dev/null) \
  || jest_line="0 passed, 1 failed"
# A failing Jest run without a failed test (a suite that does not load) still counts as a failure.
if [ "$jest_status" -ne 0 ] && [[ "$jest_line" == *" 0 failed" ]]; then
  jest_line="${jest_line% 0 failed} 1 failed"
fi

set +e
pnpm --silent test:builds 2>&1 | tee .cache/builds.log
builds_status=${PIPESTATUS[0]}
set -e
builds_line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' .cache/builds.log | tail -1) || true
[ -n "$builds_line" ] || builds_line="0 passed, 1 failed"
if [ "$builds_status" -ne 0 ] && [[ "$builds_line" == *" 0 failed" ]]; then
  builds_line="${builds_line% 0 failed} 1 failed"
fi

read -r jest_passed _ jest_failed _ <<<"$jest_line"
read -r builds_passed _ builds_failed _ <<<"$builds_line"
echo
echo "Jest: $jest_line"
echo "Build suite: $builds_line"
echo "$((jest_passed + builds_passed)) passed, $((jest_failed + builds_failed)) failed"
[ "$jest_status" -eq 0 ] && [ "$builds_status" -eq 0 ]
