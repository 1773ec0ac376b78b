import {
  maxAppNameLength,
  NamingRuleError,
  resourceNames,
  validateAppName,
  validateEnvironmentName,
} from './naming';

const dev = { name: 'dev', domain: 'example.com' };
const stage = { name: 'stage', domain: 'example.com' };
const prod = { name: 'prod', domain: 'example.com', production: true };

function ruleOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof NamingRuleError) return e.rule;
    throw e;
  }
  return undefined;
}

describe('resourceNames', () => {
  it('derives every name and the URL of a non-production environment', () => {
    expect(resourceNames('hello-api', dev)).toEqual({
      app: 'hello-api',
      environment: 'dev',
      functionName: 'hello-api-dev',
      functionAlias: 'live',
      ecrRepositoryName: 'hello-api-dev',
      pipelineName: 'hello-api-dev',
      codeBuildProjectName: 'hello-api-dev',
      targetGroupName: 'hello-api-dev',
      loadBalancerName: 'hello-api-dev',
      logGroupName: '/aws/lambda/hello-api-dev',
      deployerRoleName: 'hello-api-dev-deployer',
      codeBuildRoleName: 'hello-api-dev-codebuild',
      pipelineRoleName: 'hello-api-dev-codepipeline',
      artifactBucketPrefix: 'hello-api-dev-artifacts',
      hostname: 'dev-hello-api.example.com',
      url: 'https://dev-hello-api.example.com',
    });
  });

  it('gives production the bare app host name', () => {
    expect(resourceNames('hello-api', prod).url).toBe(
      'https://hello-api.example.com',
    );
    expect(resourceNames('hello-api', prod).functionName).toBe(
      'hello-api-prod',
    );
  });

  it('accepts the longest name the target group allows and rejects one more', () => {
    // target group `{app}-stage` ≤ 32 → app ≤ 26
    const longest = `a${'b'.repeat(25)}`;
    expect(longest).toHaveLength(26);
    expect(resourceNames(longest, stage).targetGroupName).toHaveLength(32);
    const err = (() => {
      try {
        resourceNames(`${longest}c`, stage);
      } catch (e) {
        return e as NamingRuleError;
      }
      throw new Error('expected a NamingRuleError');
    })();
    expect(err).toBeInstanceOf(NamingRuleError);
    expect(err.rule).toBe('target-group-name-length');
    expect(err.limit).toBe(32);
    expect(err.message).toContain('33 characters');
    expect(err.message).toContain('at most 32');
  });

  it('checks the environment name and the domain', () => {
    expect(ruleOf(() => resourceNames('a', { name: 'Dev', domain: 'x.io' }))).toBe(
      'environment-name-charset',
    );
    expect(
      ruleOf(() => resourceNames('a', { name: 'development1', domain: 'x.io' })),
    ).toBe('environment-name-length');
    expect(
      ruleOf(() => resourceNames('a', { name: 'dev', domain: 'Example.COM' })),
    ).toBe('domain-format');
  });
});

describe('validateAppName', () => {
  it.each([
    ['', 'app-name-required'],
    ['Hello', 'app-name-lowercase'],
    ['hello_api', 'app-name-charset'],
    ['hello.api', 'app-name-charset'],
    ['1hello', 'app-name-leading-letter'],
    ['-hello', 'app-name-leading-letter'],
    ['hello-', 'app-name-trailing-hyphen'],
    ['hello--api', 'app-name-consecutive-hyphens'],
    ['aws-thing', 'app-name-reserved'],
    ['xn--thing', 'app-name-reserved'],
    ['internal-api', 'app-name-reserved'],
    ['sthree-api', 'app-name-reserved'],
    ['amzn-api', 'app-name-reserved'],
    ['thing-s3alias', 'app-name-reserved'],
  ])('rejects %p with %s', (name, rule) => {
    expect(validateAppName(name, [dev]).map(v => v.rule)).toContain(rule);
  });

  it('accepts ordinary names', () => {
    for (const name of ['a', 'hello', 'hello-api', 'api2', 'h1-b2-c3']) {
      expect(validateAppName(name, [dev, stage, prod])).toEqual([]);
    }
  });

  it('reports a length rule once, for the longest environment', () => {
    const name = 'a'.repeat(27); // fits dev (31) but not stage (33)
    const v = validateAppName(name, [dev, stage, prod]);
    expect(v.filter(x => x.rule === 'target-group-name-length')).toHaveLength(1);
    expect(v[0].message).toContain('"stage"');
  });

  it('enforces the DNS label limit when a long environment name allows it', () => {
    // The target group limit (32) is always tighter than the DNS label (63),
    // so the label rule can only fire together with it; assert both are named.
    // `{app}-dev` at exactly 64 characters is a valid function name.
    expect(
      validateAppName('a'.repeat(60), [dev]).map(x => x.rule),
    ).not.toContain('function-name-length');
    const v = validateAppName('a'.repeat(61), [dev]);
    expect(v.map(x => x.rule)).toEqual(
      expect.arrayContaining([
        'target-group-name-length',
        'dns-label-length',
        'function-name-length',
      ]),
    );
    expect(v.find(x => x.rule === 'dns-label-length')?.limit).toBe(63);
    expect(v.find(x => x.rule === 'function-name-length')?.limit).toBe(64);
  });

  it('rejects a host name over 253 characters', () => {
    const domain = `${Array.from({ length: 4 }, () => 'd'.repeat(61)).join('.')}.io`;
    const v = validateAppName('hello', [{ name: 'dev', domain }]);
    expect(v.map(x => x.rule)).toContain('hostname-length');
  });

  it('names the IAM role limit', () => {
    const v = validateAppName('a'.repeat(60), [dev]);
    expect(v.find(x => x.rule === 'role-name-length')?.limit).toBe(64);
  });
});

describe('validateEnvironmentName', () => {
  it('accepts up to 10 characters and rejects 11', () => {
    expect(validateEnvironmentName('a'.repeat(10))).toEqual([]);
    expect(validateEnvironmentName('a'.repeat(11))[0].rule).toBe(
      'environment-name-length',
    );
  });
});

describe('maxAppNameLength', () => {
  it('is the target group limit less the longest environment name', () => {
    expect(maxAppNameLength([dev, stage, prod])).toBe(26);
    expect(maxAppNameLength([dev])).toBe(28);
  });
});
