import { createRedactor } from './redact';
import { runTerraform } from './runner';
import { recordingLogger } from '../__testUtils__/context';

describe('runTerraform', () => {
  const env = {
    PATH: process.env.PATH,
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    GITHUB_TOKEN: 'ghp_abcdefghijklmnop',
    TF_LOG: 'ERROR',
  };

  it('streams each line into the log as it comes, with secrets redacted', async () => {
    const logger = recordingLogger();
    // A real process standing in for terraform, printing its environment.
    await runTerraform(['-c', 'echo "key $AWS_SECRET_ACCESS_KEY"; echo "token=$GITHUB_TOKEN level=$TF_LOG"'], {
      binary: 'sh',
      cwd: '/',
      env,
      logger,
      redact: createRedactor(env),
    });
    expect(logger.lines).toEqual(['info: key ***', 'info: token=*** level=ERROR']);
  });

  it('prefixes every line, stdout and stderr, after redacting it', async () => {
    const logger = recordingLogger();
    await runTerraform(['-c', 'echo "key $AWS_SECRET_ACCESS_KEY"; echo "│ Warning: $GITHUB_TOKEN" >&2'], {
      binary: 'sh',
      cwd: '/',
      env,
      logger,
      redact: createRedactor(env),
      prefix: '[test] ',
    });
    expect(logger.lines.sort()).toEqual(['error: [test] │ Warning: ***', 'info: [test] key ***']);
  });

  it('fails with the command’s error output, redacted', async () => {
    const logger = recordingLogger();
    const run = runTerraform(['-c', 'echo "│ Error: denied for $GITHUB_TOKEN" >&2; exit 1'], {
      binary: 'sh',
      cwd: '/',
      env,
      logger,
      redact: createRedactor(env, ['extra-task-secret']),
    });
    await expect(run).rejects.toThrow(/failed in \/ \(exit code 1\):\nError: denied for \*\*\*/);
    expect(JSON.stringify(logger.lines)).not.toContain('ghp_abcdefghijklmnop');
  });

  it('names the missing binary', async () => {
    await expect(
      runTerraform(['init'], { binary: '/nonexistent/terraform', cwd: '/', env, logger: recordingLogger(), redact: t => t }),
    ).rejects.toThrow('is not installed or not on PATH');
  });
});
