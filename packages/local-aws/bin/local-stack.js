#!/usr/bin/env node
// Entry point of `yarn dev`: runs the TypeScript CLI through the Backstage
// CLI's Node transform, so the harness needs no build step.
require('@backstage/cli-node/config/nodeTransform.cjs');
require('../src/cli/localStack.ts');
