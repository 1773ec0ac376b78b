import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { ECRClient, CreateRepositoryCommand, DescribeRepositoriesCommand } from '@aws-sdk/client-ecr';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { LocalAws, startLocalAws } from './localAws';

jest.setTimeout(60_000);

describe('startLocalAws', () => {
  let aws: LocalAws;
  beforeAll(async () => {
    aws = await startLocalAws();
  });
  afterAll(async () => {
    await aws?.stop();
  });
  beforeEach(async () => {
    await aws.reset();
  });

  const clientConfig = () => ({
    endpoint: aws.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });

  async function assumedCredentials(accountId: string) {
    const sts = new STSClient(clientConfig());
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: `arn:aws:iam::${accountId}:role/reader`,
        RoleSessionName: 'test',
      }),
    );
    return {
      accessKeyId: out.Credentials!.AccessKeyId!,
      secretAccessKey: out.Credentials!.SecretAccessKey!,
      sessionToken: out.Credentials!.SessionToken!,
    };
  }

  it('scopes an assumed role to its account', async () => {
    const a = await assumedCredentials('200000000001');
    const b = await assumedCredentials('200000000002');
    const ecrA = new ECRClient({ ...clientConfig(), credentials: a });
    const ecrB = new ECRClient({ ...clientConfig(), credentials: b });
    await ecrA.send(new CreateRepositoryCommand({ repositoryName: 'only-in-a' }));
    const inA = await ecrA.send(new DescribeRepositoriesCommand({}));
    const inB = await ecrB.send(new DescribeRepositoriesCommand({}));
    expect(inA.repositories?.map(r => r.repositoryName)).toEqual(['only-in-a']);
    expect(inA.repositories?.[0].registryId).toBe('200000000001');
    expect(inB.repositories).toEqual([]);
    const who = await new STSClient({ ...clientConfig(), credentials: b }).send(
      new GetCallerIdentityCommand({}),
    );
    expect(who.Account).toBe('200000000002');
  });

  it('counts calls per operation and per account', async () => {
    const a = await assumedCredentials('200000000001');
    aws.gateway.resetStats();
    const lambda = new LambdaClient({ ...clientConfig(), credentials: a });
    await lambda.send(new ListFunctionsCommand({}));
    await lambda.send(new ListFunctionsCommand({}));
    const stats = aws.gateway.stats();
    expect(stats.byOperation['lambda.ListFunctions']).toBe(2);
    expect(stats.byAccount['200000000001']).toBe(2);
  });

  it('injects access denied for one account only', async () => {
    const a = await assumedCredentials('200000000001');
    const b = await assumedCredentials('200000000002');
    aws.setFaults([{ service: 'ecr', accountId: '200000000001', kind: 'access-denied' }]);
    await expect(
      new ECRClient({ ...clientConfig(), credentials: a }).send(
        new DescribeRepositoriesCommand({}),
      ),
    ).rejects.toMatchObject({ name: 'AccessDeniedException' });
    await expect(
      new ECRClient({ ...clientConfig(), credentials: b }).send(
        new DescribeRepositoriesCommand({}),
      ),
    ).resolves.toMatchObject({ repositories: [] });
  });

  it('injects throttling a given number of times, which the SDK retries', async () => {
    aws.setFaults([{ service: 'lambda', kind: 'throttle', times: 2 }]);
    aws.gateway.resetStats();
    const lambda = new LambdaClient(clientConfig());
    await expect(lambda.send(new ListFunctionsCommand({}))).resolves.toBeDefined();
    expect(aws.gateway.stats().byOperation['lambda.ListFunctions']).toBe(3);
  });

  it('gives every AWS client the endpoint and dummy credentials', () => {
    expect(aws.env).toMatchObject({
      AWS_ENDPOINT_URL: aws.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
    });
    expect(aws.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});
