/*
 * `yarn dev`: the whole product on one machine. Starts the AWS emulator
 * (moto behind the gateway), seeds the demo app in every environment, then
 * the Backstage backend and frontend with every AWS client pointed at the
 * emulator through the environment only. Ctrl-C stops everything it started.
 */
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readEnvironments } from '@lambda-paved-road/plugin-lambda-paved-road-common';
import { startLocalAws, LocalAws } from '../localAws';
import { seedDemoApp } from '../seed';
import { PrerequisiteError, requireCommand } from '../moto';
import { isPortInUse } from '../ports';
import { terraformCliEnv } from '../terraform';
import { readAppConfig, repoRoot } from './repo';
import { clearStackState, writeStackState } from './stackState';

const FRONTEND_PORT = 3000;
const BACKEND_PORT = 7007;

function log(message: string) {
  process.stdout.write(`[local-stack] ${message}\n`);
}

function fail(message: string): never {
  process.stderr.write(`[local-stack] ${message}\n`);
  process.exit(1);
}

async function preflight(frontend: 'dev' | 'none') {
  const major = Number(process.versions.node.split('.')[0]);
  if (![20, 22, 24].includes(major)) {
    fail(`Node ${process.versions.node} is not supported: use Node 20, 22 or 24`);
  }
  if (!fs.existsSync(path.join(repoRoot, 'node_modules', '@backstage', 'cli'))) {
    fail('dependencies are not installed: run `./scripts/install.sh` (or `yarn install`) first');
  }
  try {
    requireCommand('moto_server', "install it with `pip install 'moto[server]'`");
  } catch (e) {
    fail((e as Error).message);
  }
  const ports = [BACKEND_PORT, ...(frontend === 'dev' ? [FRONTEND_PORT] : [])];
  for (const port of ports) {
    if (await isPortInUse(port)) {
      fail(`port ${port} is already in use: stop what runs there (e.g. \`fuser -k ${port}/tcp\`) and retry`);
    }
  }
}

function readConfiguredEnvironments() {
  return readEnvironments(readAppConfig());
}

async function waitFor(url: string, timeoutMs: number, child: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) return false;
    try {
      const res = await fetch(url);
      if (res.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise(r => setTimeout(r, 250));
  }
  return false;
}

async function main() {
  const startedAt = Date.now();
  // LPR_FRONTEND=none serves the built app from the backend (CI, lower memory).
  const frontend = process.env.LPR_FRONTEND === 'none' ? 'none' : 'dev';
  await preflight(frontend);

  let terraformEnv: Record<string, string> = {};
  try {
    terraformEnv = terraformCliEnv(path.join(repoRoot, '.local', 'terraform'));
  } catch (e) {
    if (!(e instanceof PrerequisiteError)) throw e;
    // The portal runs without Terraform; only the Create flow's apply needs it.
    log(`warning: ${e.message}; creating apps will not be able to provision`);
  }

  let aws: LocalAws | undefined = undefined;
  let child: ChildProcess | undefined = undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    // Signal the whole group even when its leader has exited: a backend the
    // CLI's watch mode restarted can outlive it and keep holding the port.
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise(r => setTimeout(r, 1500));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    clearStackState(repoRoot);
    await aws?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  aws = await startLocalAws({
    port: process.env.LPR_AWS_PORT ? Number(process.env.LPR_AWS_PORT) : undefined,
  });
  log(`AWS emulator at ${aws.endpoint} (moto at ${aws.motoEndpoint})`);

  const environments = readConfiguredEnvironments();
  const seedStarted = Date.now();
  // LPR_SEED=0 starts with an empty emulator (the journey test creates its own app).
  if (process.env.LPR_SEED !== '0') {
    await seedDemoApp({ endpoint: aws.endpoint, environments });
    log(`seeded the demo app in ${environments.map(e => e.name).join(', ')} (${Date.now() - seedStarted} ms)`);
  }

  const env = {
    ...process.env,
    ...aws.env,
    ...terraformEnv,
    LPR_REPO_ROOT: repoRoot,
    NODE_OPTIONS: [process.env.NODE_OPTIONS, '--no-deprecation'].filter(Boolean).join(' '),
  };
  const args =
    frontend === 'dev'
      ? ['backstage-cli', 'repo', 'start']
      : ['workspace', 'backend', 'start'];
  child = spawn('yarn', args, {
    cwd: repoRoot,
    env,
    stdio: 'inherit',
    // Own process group, so Ctrl-C stops the whole tree.
    detached: true,
  });
  child.on('exit', code => {
    if (!stopping) {
      log(`Backstage exited with code ${code}`);
      void stop(code ?? 1);
    }
  });

  const backendReady = await waitFor(
    `http://127.0.0.1:${BACKEND_PORT}/.backstage/health/v1/readiness`,
    180_000,
    child,
  );
  if (!backendReady) {
    log('the backend did not become ready; see its output above');
    await stop(1);
    return;
  }
  const appUrl =
    frontend === 'dev' ? `http://localhost:${FRONTEND_PORT}` : `http://localhost:${BACKEND_PORT}`;
  const appReady = await waitFor(appUrl, 180_000, child);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  if (appReady) {
    writeStackState(repoRoot, { pid: process.pid, awsEndpoint: aws.endpoint, appUrl });
    log(`ready in ${seconds} s: open ${appUrl} (the demo component is hello-api). Ctrl-C stops everything.`);
    if (process.env.LPR_READY_FILE) {
      fs.writeFileSync(process.env.LPR_READY_FILE, JSON.stringify({ seconds: Number(seconds), appUrl, awsEndpoint: aws.endpoint }));
    }
  } else {
    log(`the frontend did not answer at ${appUrl}; see its output above`);
  }
}

main().catch(e => fail(e instanceof Error ? e.stack ?? e.message : String(e)));
