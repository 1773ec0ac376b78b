import fs from 'node:fs';
import path from 'node:path';

/** What a running `yarn dev` tells other commands (release, tests). */
export interface StackState {
  pid: number;
  awsEndpoint: string;
  appUrl: string;
}

const file = (repoRoot: string) => path.join(repoRoot, '.local', 'stack.json');

export function writeStackState(repoRoot: string, state: StackState) {
  fs.mkdirSync(path.dirname(file(repoRoot)), { recursive: true });
  fs.writeFileSync(file(repoRoot), JSON.stringify(state, null, 2));
}

export function clearStackState(repoRoot: string) {
  fs.rmSync(file(repoRoot), { force: true });
}

/** The running stack's state, or undefined when none runs. */
export function readStackState(repoRoot: string): StackState | undefined {
  try {
    const state: StackState = JSON.parse(fs.readFileSync(file(repoRoot), 'utf8'));
    process.kill(state.pid, 0); // throws when the process is gone
    return state;
  } catch {
    return undefined;
  }
}
