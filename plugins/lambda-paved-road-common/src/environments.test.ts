import { ConfigReader } from '@backstage/config';
import type { JsonObject } from '@backstage/types';
import {
  environmentForBranch,
  readEnvironments,
  selectEnvironments,
} from './environments';

const accounts = (n: number) => ({
  deploymentsAccountId: `1111111111${n}1`,
  workloadsAccountId: `2222222222${n}2`,
});

function config(environments: JsonObject[], extra: JsonObject = {}) {
  return new ConfigReader({
    lambdaPavedRoad: {
      domain: 'example.com',
      region: 'us-east-1',
      environments,
      ...extra,
    },
  });
}

const four = [
  { name: 'dev', ...accounts(1) },
  { name: 'test', ...accounts(2) },
  { name: 'stage', ...accounts(3) },
  { name: 'prod', ...accounts(4) },
];

describe('readEnvironments', () => {
  it('keeps the configured promotion order and derives branches', () => {
    const envs = readEnvironments(config(four));
    expect(envs.map(e => [e.name, e.branch, e.production])).toEqual([
      ['dev', 'dev', false],
      ['test', 'test', false],
      ['stage', 'stage', false],
      ['prod', 'main', true],
    ]);
    expect(envs[0]).toMatchObject({
      region: 'us-east-1',
      domain: 'example.com',
      deploymentsAccountId: '111111111111',
      workloadsAccountId: '222222222212',
    });
  });

  it('lets an environment override region, domain and branch', () => {
    const [env] = readEnvironments(
      config([
        {
          name: 'live',
          production: true,
          branch: 'release',
          region: 'eu-west-1',
          domain: 'example.io',
          ...accounts(1),
        },
      ]),
    );
    expect(env).toMatchObject({
      name: 'live',
      branch: 'release',
      production: true,
      region: 'eu-west-1',
      domain: 'example.io',
    });
  });

  it.each([
    [[{ name: 'dev', ...accounts(1), workloadsAccountId: '123' }], /workloadsAccountId must be a 12-digit/],
    [[{ name: 'dev', ...accounts(1), region: 'mars' }], /region must be an AWS region/],
    [[{ name: 'Dev', ...accounts(1) }], /must be lowercase letters and digits/],
    [[{ name: 'dev', ...accounts(1) }, { name: 'dev', ...accounts(2) }], /name "dev" is used by more than one/],
    [[{ name: 'dev', ...accounts(1) }, { name: 'qa', branch: 'dev', ...accounts(2) }], /branch "dev" is used by more than one/],
    [[], /at least one environment/],
  ])('rejects invalid configuration %#', (environments, message) => {
    expect(() => readEnvironments(config(environments))).toThrow(message);
  });

  it('requires a domain', () => {
    expect(() =>
      readEnvironments(config([{ name: 'dev', ...accounts(1) }], { domain: undefined })),
    ).toThrow(/domain is missing/);
  });
});

describe('environmentForBranch', () => {
  const envs = readEnvironments(config(four));
  it('maps dev/test/stage to themselves and main or prod to production', () => {
    expect(environmentForBranch('dev', envs)?.name).toBe('dev');
    expect(environmentForBranch('stage', envs)?.name).toBe('stage');
    expect(environmentForBranch('main', envs)?.name).toBe('prod');
    expect(environmentForBranch('prod', envs)?.name).toBe('prod');
    expect(environmentForBranch('feature/x', envs)).toBeUndefined();
  });
});

describe('selectEnvironments', () => {
  const envs = readEnvironments(config(four));
  it('keeps promotion order and rejects unknown names', () => {
    expect(selectEnvironments(envs, ['prod', 'dev']).map(e => e.name)).toEqual([
      'dev',
      'prod',
    ]);
    expect(selectEnvironments(envs, undefined)).toHaveLength(4);
    expect(() => selectEnvironments(envs, ['qa'])).toThrow(
      'Unknown environment "qa"; configured: dev, test, stage, prod',
    );
  });
});
