/*
 * A stand-in for the `docker` CLI, for running a buildspec where no Docker
 * engine exists. Only the image build is replaced; everything else in the
 * buildspec runs for real:
 * - `docker login` accepts the password from stdin (the ECR token was fetched
 *   for real by `aws ecr get-login-password`);
 * - `docker build|buildx build --target <stage>` runs that stage's RUN
 *   commands on this machine, in the build context (the tests stage runs the
 *   app's unit tests with the runtime's own test runner);
 * - a build with `--push`, or `docker push`, pushes an image manifest for the
 *   commit (from the `org.opencontainers.image.revision` label) to ECR with
 *   the real AWS CLI (`aws ecr put-image`), one tag at a time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { imageManifestFor } from '../seed/imageManifest';
import { stageRunCommands } from './dockerfile';

const ECR_IMAGE = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com\/([^:@]+):(.+)$/;

interface BuildArgs {
  tags: string[];
  labels: Record<string, string>;
  target?: string;
  platform?: string;
  push: boolean;
  context: string;
  file?: string;
}

function parseBuild(args: string[]): BuildArgs {
  const out: BuildArgs = { tags: [], labels: {}, push: false, context: '.' };
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    const value = () => (inline !== undefined ? inline : args[++i]);
    switch (flag) {
      case '-t':
      case '--tag':
        out.tags.push(value());
        break;
      case '--label': {
        const [k, v] = value().split(/=(.*)/s, 2);
        out.labels[k] = v ?? '';
        break;
      }
      case '--target':
        out.target = value();
        break;
      case '--platform':
        out.platform = value();
        break;
      case '-f':
      case '--file':
        out.file = value();
        break;
      case '--push':
        out.push = true;
        break;
      case '--provenance':
      case '--sbom':
      case '--build-arg':
      case '--cache-from':
      case '--cache-to':
      case '--output':
        if (inline === undefined && !args[i + 1]?.startsWith('-')) i++;
        break;
      default:
        if (flag.startsWith('-')) break;
        positional.push(args[i]);
    }
  }
  out.context = positional[0] ?? '.';
  return out;
}

// Tags given by `docker build -t`/`docker tag`, so a later `docker push` knows
// which commit an image holds.
const stateFile = () => path.join(process.env.LPR_DOCKER_STATE_DIR ?? '/tmp', 'lpr-docker-images.json');
function readState(): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
  } catch {
    return {};
  }
}
function writeState(state: Record<string, string>) {
  fs.writeFileSync(stateFile(), JSON.stringify(state));
}

function pushImage(reference: string, revision: string, platform?: string) {
  const m = ECR_IMAGE.exec(reference);
  if (!m) throw new Error(`can only push to ECR, not "${reference}"`);
  const [, , region, repository, tag] = m;
  const manifest = imageManifestFor(repository, revision, platform?.split('/')[1] === 'amd64' ? 'amd64' : 'arm64');
  process.stdout.write(`${tag}: pushing image for ${revision.slice(0, 7)} to ${reference}\n`);
  const r = spawnSync(
    'aws',
    ['ecr', 'put-image', '--region', region, '--repository-name', repository, '--image-tag', tag,
      '--image-manifest', manifest, '--query', 'image.imageId.imageDigest', '--output', 'text'],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`aws ecr put-image failed for ${reference}`);
  process.stdout.write(`${tag}: digest: ${r.stdout.trim()}\n`);
}

function build(args: string[]) {
  const b = parseBuild(args);
  const context = path.resolve(b.context);
  if (b.target) {
    const dockerfile = fs.readFileSync(path.join(context, b.file ?? 'Dockerfile'), 'utf8');
    for (const command of stageRunCommands(dockerfile, b.target)) {
      process.stdout.write(`#RUN ${command}\n`);
      const r = spawnSync('sh', ['-c', command], { cwd: context, stdio: 'inherit' });
      if (r.status !== 0) throw new Error(`RUN ${command} failed with exit code ${r.status}`);
    }
    return;
  }
  const revision = b.labels['org.opencontainers.image.revision'];
  if (!revision) {
    throw new Error('the build has no org.opencontainers.image.revision label: the local stack needs it to know the commit');
  }
  const state = readState();
  for (const tag of b.tags) state[tag] = revision;
  writeState(state);
  process.stdout.write(`built ${b.tags.join(', ')} (no Docker engine here: image stands in for ${revision.slice(0, 7)})\n`);
  if (b.push) for (const tag of b.tags) pushImage(tag, revision, b.platform);
}

function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (command === 'login') {
    if (rest.includes('--password-stdin')) fs.readFileSync(0);
    process.stdout.write('Login Succeeded\n');
  } else if (command === 'build') {
    build(rest);
  } else if (command === 'buildx' && rest[0] === 'build') {
    build(rest.slice(1));
  } else if (command === 'tag') {
    const state = readState();
    if (!state[rest[0]]) throw new Error(`no image ${rest[0]} was built`);
    state[rest[1]] = state[rest[0]];
    writeState(state);
  } else if (command === 'push') {
    const revision = readState()[rest[0]];
    if (!revision) throw new Error(`no image ${rest[0]} was built`);
    pushImage(rest[0], revision);
  } else {
    throw new Error(`docker ${command ?? ''} is not available in the local stack (no Docker engine)`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`docker (local stack): ${(e as Error).message}\n`);
  process.exit(1);
}
