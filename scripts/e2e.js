#!/usr/bin/env node
/*
 * Runs the Playwright tests against a real local portal: starts `yarn dev`
 * (emulator, demo seed, backend, frontend), waits until it is ready, runs the
 * tests in Debian's Chromium, and stops everything, whatever the outcome.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const readyFile = path.join(os.tmpdir(), `lpr-ready-${process.pid}.json`);
const logFile = path.join(root, '.local', 'e2e-portal.log');
fs.mkdirSync(path.dirname(logFile), { recursive: true });
fs.rmSync(readyFile, { force: true });

const out = fs.openSync(logFile, 'w');
const stack = spawn('node', ['packages/local-aws/bin/local-stack.js'], {
  cwd: root,
  env: { ...process.env, LPR_READY_FILE: readyFile },
  stdio: ['ignore', out, out],
  detached: true,
});

function stop() {
  try {
    process.kill(-stack.pid, 'SIGTERM');
  } catch {
    // already stopped
  }
}
process.on('SIGINT', () => {
  stop();
  process.exit(130);
});

async function main() {
  const deadline = Date.now() + 240_000;
  while (!fs.existsSync(readyFile)) {
    if (stack.exitCode !== null || Date.now() > deadline) {
      process.stderr.write(fs.readFileSync(logFile, 'utf8').slice(-6000));
      throw new Error(`the local portal did not start (log: ${logFile})`);
    }
    await new Promise(r => setTimeout(r, 500));
  }
  const ready = JSON.parse(fs.readFileSync(readyFile, 'utf8'));
  console.log(`[e2e] portal ready in ${ready.seconds} s at ${ready.appUrl}`);
  const result = spawnSync('yarn', ['playwright', 'test', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      PLAYWRIGHT_URL: ready.appUrl,
      LPR_AWS_ENDPOINT: ready.awsEndpoint,
    },
  });
  return result.status ?? 1;
}

main()
  .then(code => {
    stop();
    process.exit(code);
  })
  .catch(e => {
    console.error(e.message);
    stop();
    process.exit(1);
  });
