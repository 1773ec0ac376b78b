#!/usr/bin/env bash
# Installs the repository's dependencies on Node 20, 22 or 24. It writes down
# the workarounds this needs so nobody has to remember them:
# - native addons (better-sqlite3) build with node-gyp 10 (root `resolutions`;
#   node-gyp 11+ needs Node >= 22.22), against the headers of the Node that runs
#   the install instead of headers downloaded from the internet;
# - a global `yarn` is bootstrapped from npm when missing (corepack may be
#   unable to download Yarn); `.yarnrc.yml` then runs the bundled release.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v yarn >/dev/null 2>&1; then
  echo "[install] yarn not found: installing the Yarn launcher from npm"
  npm install -g @yarnpkg/cli-dist@4 >/dev/null
fi

node_prefix="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
if [ -d "$node_prefix/include/node" ]; then
  export npm_config_nodedir="$node_prefix"
fi

yarn install --immutable "$@"
