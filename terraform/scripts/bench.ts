/**
 * Apply and destroy wall time of the app-environment composition against the
 * emulator, for one environment and for four in parallel (dev, test, stage,
 * prod, each in its own deployments/workloads account pair).
 *
 *   node -r /work/main/node_modules/@backstage/cli-node/config/nodeTransform.cjs terraform/scripts/bench.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { terraformCliEnv } from '@lambda-paved-road/local-aws';
import { accountConfig, REGION } from '../src/__testUtils__/accounts';
import { startEmulator } from '../src/__testUtils__/emulator';
import { terraformOk, writeRoot } from '../src/__testUtils__/terraform';

const ENVS = [
  { name: 'dev', branch: 'dev', deployments: '111111111111', workloads: '222222222222' },
  { name: 'test', branch: 'test', deployments: '311111111111', workloads: '322222222222' },
  { name: 'stage', branch: 'stage', deployments: '411111111111', workloads: '422222222222' },
  { name: 'prod', branch: 'main', deployments: '511111111111', workloads: '522222222222' },
];

async function main() {
  const aws = await startEmulator();
  const env = { ...aws.env, ...terraformCliEnv() };
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-bench-'));
  const log = path.join(base, 'terraform.log');
  const secs = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;
  try {
    const roots: string[] = [];
    for (const e of ENVS) {
      const ec2 = new EC2Client(await accountConfig(aws.endpoint, e.workloads));
      const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0];
      const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).Subnets!;
      const dir = path.join(base, e.name);
      writeRoot(dir, {
        app_name: 'hello-api',
        environment: e.name,
        region: REGION,
        deployments_account_id: e.deployments,
        workloads_account_id: e.workloads,
        branch: e.branch,
        repository: 'acme/hello-api',
        connection_arn: `arn:aws:codeconnections:${REGION}:${e.deployments}:connection/4a1b2c3d-0000-4000-8000-000000000001`,
        domain: 'example.com',
        exposure: 'external',
        image_uri: `${e.workloads}.dkr.ecr.${REGION}.amazonaws.com/paved-road/placeholder:latest`,
        vpc_id: vpc.VpcId,
        subnet_ids: subnets.slice(0, 2).map(s => s.SubnetId),
      });
      await terraformOk(['init', '-input=false', '-no-color'], dir, env, { logFile: log });
      roots.push(dir);
    }
    const run = async (dirs: string[], label: string) => {
      let t = Date.now();
      await Promise.all(dirs.map(d => terraformOk(['apply', '-auto-approve', '-input=false', '-no-color'], d, env, { logFile: log })));
      process.stdout.write(`${label}: apply ${secs(t)}`);
      t = Date.now();
      await Promise.all(dirs.map(d => terraformOk(['destroy', '-auto-approve', '-input=false', '-no-color'], d, env, { logFile: log })));
      process.stdout.write(`, destroy ${secs(t)}\n`);
    };
    process.stdout.write(`${new Date().toISOString()} on ${os.cpus().length} cores\n`);
    await run(roots.slice(0, 1), '1 environment ');
    await run(roots, '4 environments (parallel)');
  } finally {
    await aws.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
