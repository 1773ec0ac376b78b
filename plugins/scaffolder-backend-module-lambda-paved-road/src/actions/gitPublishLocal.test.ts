import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGitPublishLocalAction } from './gitPublishLocal';
import { config, runAction } from '../__testUtils__/context';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, { cwd, stdio: 'pipe' }).toString().trim();

describe('lambda:git:publish-local', () => {
  let root: string;
  let workspacePath: string;
  let action: ReturnType<typeof createGitPublishLocalAction>;
  const input = { owner: 'team-a', repo: 'hello-api', sourcePath: 'repo', branches: ['dev', 'test', 'stage'] };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-publish-'));
    workspacePath = path.join(root, 'workspace');
    fs.mkdirSync(path.join(workspacePath, 'repo'), { recursive: true });
    fs.writeFileSync(path.join(workspacePath, 'repo', 'catalog-info.yaml'), 'kind: Component\n');
    fs.writeFileSync(path.join(workspacePath, 'repo', 'app.py'), 'print("hi")\n');
    action = createGitPublishLocalAction({
      config: config({ lambdaPavedRoad: { localRepositories: { directory: path.join(root, 'repos') } } }),
    });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('creates a repository with main and the environment branches, all at the first commit', async () => {
    const { output } = await runAction(action, input, { workspacePath });
    const dir = path.join(root, 'repos', 'team-a', 'hello-api');
    expect(output).toMatchObject({
      localPath: dir,
      remoteUrl: `file://${dir}`,
      catalogInfoPath: path.join(dir, 'catalog-info.yaml'),
      branches: ['main', 'dev', 'test', 'stage'],
    });
    expect(git(dir, 'branch', '--format=%(refname:short)').split('\n').sort()).toEqual(['dev', 'main', 'stage', 'test']);
    for (const b of ['dev', 'test', 'stage', 'main']) {
      expect(git(dir, 'rev-parse', b)).toBe(output.commitHash);
    }
    expect(git(dir, 'ls-files').split('\n').sort()).toEqual(['app.py', 'catalog-info.yaml']);
  });

  it('accepts pushes to the environment branches but refuses force-pushes and deletions', async () => {
    await runAction(action, input, { workspacePath });
    const origin = path.join(root, 'repos', 'team-a', 'hello-api');
    const clone = path.join(root, 'clone');
    git(root, 'clone', '--quiet', origin, clone);
    git(clone, 'checkout', '--quiet', 'dev');
    fs.writeFileSync(path.join(clone, 'app.py'), 'print("changed")\n');
    git(clone, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-am', 'change');
    git(clone, 'push', '--quiet', 'origin', 'dev');
    git(clone, 'reset', '--quiet', '--hard', 'HEAD~1');
    expect(() => git(clone, 'push', '--force', 'origin', 'dev')).toThrow(/force-pushes are refused/);
    expect(() => git(clone, 'push', 'origin', '--delete', 'test')).toThrow(/cannot be deleted/);
    // A push to the checked-out main updates the working tree the catalog reads.
    git(clone, 'checkout', '--quiet', 'main');
    fs.writeFileSync(path.join(clone, 'catalog-info.yaml'), 'kind: Component # v2\n');
    git(clone, '-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '--quiet', '-am', 'v2');
    git(clone, 'push', '--quiet', 'origin', 'main');
    expect(fs.readFileSync(path.join(origin, 'catalog-info.yaml'), 'utf8')).toContain('v2');
  });

  it('is idempotent for a retried task and refuses a repository another task created', async () => {
    const first = await runAction(action, input, { workspacePath });
    // The same task again, without its checkpoint (e.g. the backend restarted mid-step).
    const again = await runAction(action, input, { workspacePath });
    expect(again.output.commitHash).toBe(first.output.commitHash);
    await expect(runAction(action, input, { workspacePath, taskId: 'task-2' })).rejects.toThrow(
      'Repository team-a/hello-api already exists',
    );
  });

  it('creates nothing in a dry run', async () => {
    const { output } = await runAction(action, input, { workspacePath, isDryRun: true });
    expect(output.branches).toEqual(['main', 'dev', 'test', 'stage']);
    expect(fs.existsSync(path.join(root, 'repos'))).toBe(false);
  });
});
