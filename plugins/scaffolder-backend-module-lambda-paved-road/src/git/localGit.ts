import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

/** Runs git in `cwd` with a fixed identity and no user or system config surprises. */
export async function git(
  cwd: string,
  args: string[],
  author = { name: 'Lambda Paved Road', email: 'lambda-paved-road@localhost' },
): Promise<string> {
  try {
    const { stdout } = await exec(
      'git',
      [
        '-c', `user.name=${author.name}`,
        '-c', `user.email=${author.email}`,
        '-c', 'commit.gpgsign=false',
        '-c', 'init.defaultBranch=main',
        ...args,
      ],
      { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
    );
    return stdout.trim();
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`git ${args[0]} failed in ${cwd}: ${(err.stderr || err.message).trim()}`);
  }
}

/**
 * A pre-receive hook that protects branches the way GitHub's protection
 * does for the paved road: pushes that delete or rewrite them are refused.
 */
export function protectionHook(branches: string[]): string {
  const refs = branches.map(b => `refs/heads/${b}`).join('|');
  return `#!/bin/sh
# Installed by lambda:git:publish-local: environment branches are protected.
zero=0000000000000000000000000000000000000000
while read old new ref; do
  case "$ref" in
    ${refs})
      if [ "$new" = "$zero" ]; then
        echo "$ref is protected: it cannot be deleted" >&2; exit 1
      fi
      if [ "$old" != "$zero" ] && ! git merge-base --is-ancestor "$old" "$new"; then
        echo "$ref is protected: force-pushes are refused" >&2; exit 1
      fi
      ;;
  esac
done
`;
}
