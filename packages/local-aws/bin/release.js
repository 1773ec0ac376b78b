#!/usr/bin/env node
// Entry point of `yarn release`: see src/cli/release.ts.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('../src/cli/release.ts');
