import { spawn } from 'node:child_process';
import readline from 'node:readline';
import type { LoggerService } from '@backstage/backend-plugin-api';

/** A Terraform command that exited non-zero; the message is Terraform's error. */
export class TerraformError extends Error {
  readonly name = 'TerraformError';
}

export interface TerraformRunOptions {
  binary: string;
  cwd: string;
  env: Record<string, string | undefined>;
  logger: LoggerService;
  redact: (text: string) => string;
  /**
   * Put before every line logged (after redaction), e.g. `[test] ` when
   * several environments' output shares one task log.
   */
  prefix?: string;
  signal?: AbortSignal;
}

/**
 * Runs one Terraform command, streaming each output line into the task log
 * as it arrives so the user sees progress: every line redacted, then
 * prefixed. Resolves with stdout when asked to capture it (e.g.
 * `output -json`), which is then not logged.
 */
export function runTerraform(
  args: string[],
  options: TerraformRunOptions,
  capture = false,
): Promise<string> {
  const { binary, cwd, env, logger, redact, prefix = '', signal } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: string[] = [];
    const errorLines: string[] = [];
    const onAbort = () => child.kill('SIGINT'); // lets Terraform release its state lock
    signal?.addEventListener('abort', onAbort, { once: true });

    readline.createInterface({ input: child.stdout }).on('line', line => {
      if (capture) stdout.push(line);
      else if (line.trim()) logger.info(`${prefix}${redact(line)}`);
    });
    readline.createInterface({ input: child.stderr }).on('line', line => {
      const clean = redact(line);
      errorLines.push(clean);
      if (clean.trim()) logger.error(`${prefix}${clean}`);
    });
    child.on('error', e =>
      reject(
        new TerraformError(
          `Could not run ${binary} ${args[0]}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `${binary} is not installed or not on PATH (lambdaPavedRoad.provisioning.terraform.binary)` : e.message}`,
        ),
      ),
    );
    child.on('close', code => {
      signal?.removeEventListener('abort', onAbort);
      if (code === 0) {
        resolve(stdout.join('\n'));
        return;
      }
      const detail = errorLines
        .map(l => l.replace(/^[│╷╵]\s?/, '').trimEnd())
        .filter(Boolean)
        .slice(-40)
        .join('\n');
      reject(
        new TerraformError(
          `terraform ${args[0]} failed in ${cwd} (exit code ${code}):\n${detail || '(no error output)'}`,
        ),
      );
    });
  });
}
