#!/usr/bin/env node
/*
 * Prints the foundation's measured figures:
 *   node scripts/metrics.js            start-to-ready time and portal memory
 *   node scripts/metrics.js --install  also times a (warm) `scripts/install.sh`
 *   node scripts/metrics.js --test     also times the test command (yarn test:all)
 * Targets: ready ≤ 60 s after install on 2 cores; portal ≤ 3 GB RSS in all.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const args = new Set(process.argv.slice(2));
const figures = [];

function timeCommand(label, command, commandArgs) {
  const started = Date.now();
  const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
  const seconds = (Date.now() - started) / 1000;
  figures.push([label, `${seconds.toFixed(1)} s`, r.status === 0 ? 'ok' : `exit ${r.status}`]);
}

// Every process below `pid`, found through /proc's parent links.
function descendants(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  const out = [pid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

function rssBytes(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb * 1024;
  } catch {
    return 0;
  }
}

async function measureStart() {
  const readyFile = path.join(os.tmpdir(), `lpr-metrics-${process.pid}.json`);
  fs.rmSync(readyFile, { force: true });
  const started = Date.now();
  const stack = spawn('node', ['packages/local-aws/bin/local-stack.js'], {
    cwd: root,
    env: { ...process.env, LPR_READY_FILE: readyFile },
    stdio: 'ignore',
    detached: true,
  });
  while (!fs.existsSync(readyFile)) {
    if (stack.exitCode !== null) throw new Error('the local stack exited before it was ready');
    if (Date.now() - started > 300_000) throw new Error('the local stack was not ready in 300 s');
    await new Promise(r => setTimeout(r, 200));
  }
  const readySeconds = (Date.now() - started) / 1000;
  // Let the first page load and compile settle before reading memory.
  await fetch('http://localhost:3000').catch(() => undefined);
  await new Promise(r => setTimeout(r, 5000));
  const pids = descendants(stack.pid);
  const total = pids.reduce((sum, p) => sum + rssBytes(p), 0);
  figures.push(['start to ready (yarn dev)', `${readySeconds.toFixed(1)} s`, 'target ≤ 60 s']);
  figures.push([
    `portal memory (${pids.length} processes)`,
    `${(total / 1024 ** 3).toFixed(2)} GB RSS`,
    'target ≤ 3 GB',
  ]);
  process.kill(-stack.pid, 'SIGINT');
  await new Promise(r => setTimeout(r, 4000));
  try {
    process.kill(-stack.pid, 'SIGKILL');
  } catch {
    // stopped cleanly
  }
}

async function main() {
  if (args.has('--install')) timeCommand('install (scripts/install.sh)', './scripts/install.sh', []);
  await measureStart();
  if (args.has('--test')) timeCommand('test command (yarn test:all)', 'yarn', ['test:all']);
  console.log(`\nLambda Paved Road — measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} cores, Node ${process.versions.node}`);
  for (const [what, value, note] of figures) {
    console.log(`  ${what.padEnd(36)} ${value.padStart(14)}   ${note}`);
  }
}

main().catch(e => {
  console.error(e.message);
  process.exit(1);
});
