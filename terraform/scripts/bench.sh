#!/bin/sh
# Apply/destroy wall time of the composition on the emulator, 1 and 4 environments.
set -e
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
exec node -r "$ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs" "$ROOT/terraform/scripts/bench.ts"
