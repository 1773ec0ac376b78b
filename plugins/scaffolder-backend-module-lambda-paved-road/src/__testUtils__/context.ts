import type { LoggerService } from '@backstage/backend-plugin-api';
import { ConfigReader } from '@backstage/config';
import type { ActionContext, TemplateAction } from '@backstage/plugin-scaffolder-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { JsonObject, JsonValue } from '@backstage/types';

/**
 * A logger that keeps every line, to assert on what the task log shows, and
 * when it was logged (`times[i]`, ms since the epoch, for `lines[i]`).
 */
export function recordingLogger(
  lines: string[] = [],
): LoggerService & { lines: string[]; times: number[] } {
  const times: number[] = [];
  const log = (level: string) => (message: string) => {
    lines.push(`${level}: ${message}`);
    times.push(Date.now());
  };
  const logger: any = {
    lines,
    times,
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    debug: log('debug'),
    child: () => logger,
  };
  return logger;
}

/**
 * Runs an action's handler the way the scaffolder does, with a checkpoint
 * store that survives between runs: pass the same `checkpoints` map to a
 * second run to emulate a retried task.
 */
export async function runAction(
  action: TemplateAction<any, any, any>,
  input: JsonObject,
  options: {
    workspacePath?: string;
    isDryRun?: boolean;
    secrets?: Record<string, string>;
    checkpoints?: Map<string, JsonValue | void>;
    taskId?: string;
    /** Pass one to read the log of a run that fails. */
    logger?: ReturnType<typeof recordingLogger>;
  } = {},
) {
  const checkpoints = options.checkpoints ?? new Map();
  const output: Record<string, JsonValue> = {};
  const logger = options.logger ?? recordingLogger();
  // The mock takes only some fields from its options; the rest are set here.
  const ctx = createMockActionContext({
    input,
    ...(options.workspacePath ? { workspacePath: options.workspacePath } : {}),
    secrets: options.secrets,
    task: { id: options.taskId ?? 'task-1' },
  } as any) as unknown as ActionContext<any, any>;
  Object.assign(ctx, {
    logger,
    isDryRun: options.isDryRun,
    output: (name: string, value: JsonValue) => {
      output[name] = value;
    },
    checkpoint: async ({ key, fn }: { key: string; fn: () => Promise<any> }) => {
      if (checkpoints.has(key)) return checkpoints.get(key);
      const value = await fn();
      checkpoints.set(key, value);
      return value;
    },
  });
  await action.handler(ctx);
  return { output, log: logger.lines, times: logger.times, checkpoints };
}

export const config = (data: JsonObject) => new ConfigReader(data);
