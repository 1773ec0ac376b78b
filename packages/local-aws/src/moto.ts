import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { freePort } from './ports';

/** A running moto server. */
export interface MotoServer {
  endpoint: string;
  port: number;
  /** Clears every resource in every account. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Thrown when something the harness needs is missing, with the fix. */
export class PrerequisiteError extends Error {
  readonly name = 'PrerequisiteError';
}

/** Throws a PrerequisiteError unless `command` is on PATH. */
export function requireCommand(command: string, fix: string) {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], {
    encoding: 'utf8',
  });
  if (found.status !== 0) {
    throw new PrerequisiteError(`${command} is not installed: ${fix}`);
  }
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited with code ${child.exitCode}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch (e) {
      lastError = e;
    }
    await new Promise(r => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer at ${url}: ${String(lastError)}`);
}

/**
 * Starts `moto_server` on loopback (a free port unless one is given) with
 * Lambda's Docker backend off, since no Docker engine runs here.
 */
export async function startMoto(options: { port?: number } = {}): Promise<MotoServer> {
  requireCommand(
    'moto_server',
    "install it with `pip install 'moto[server]'`",
  );
  const port = options.port ?? (await freePort());
  const child = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false' },
  });
  // Never outlive the process that started it, whichever way that one ends.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));
  let stderr = '';
  child.stderr?.on('data', d => {
    // Keep the tail only: moto logs every request.
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(`${endpoint}/moto-api/data.json`, child, 30_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`);
  }
  const configure = async () => {
    const res = await fetch(`${endpoint}/moto-api/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lambda: { use_docker: false } }),
    });
    if (!res.ok) throw new Error(`moto config failed: ${res.status}`);
  };
  await configure();
  return {
    endpoint,
    port,
    async reset() {
      const res = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
      await configure();
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>(resolve => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      });
    },
  };
}
