/**
 * The app-environment composition applied for real — Terraform 1.11,
 * hashicorp/aws 5.100, moto as AWS with two accounts — and checked with the
 * AWS SDK in each account: apply, a simulated pipeline deployment, a plan
 * that must show no changes, and a destroy that must leave nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ACMClient, ListCertificatesCommand } from '@aws-sdk/client-acm';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { BatchGetProjectsCommand, CodeBuildClient, ListProjectsCommand } from '@aws-sdk/client-codebuild';
import { CodePipelineClient, GetPipelineCommand, ListPipelinesCommand } from '@aws-sdk/client-codepipeline';
import { DescribeSecurityGroupsCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import {
  DescribeRepositoriesCommand,
  ECRClient,
  GetLifecyclePolicyCommand,
  GetRepositoryPolicyCommand,
  PutImageCommand,
} from '@aws-sdk/client-ecr';
import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { GetRoleCommand, GetRolePolicyCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import {
  GetAliasCommand,
  GetFunctionCommand,
  GetFunctionConcurrencyCommand,
  GetPolicyCommand,
  LambdaClient,
  ListFunctionsCommand,
  PublishVersionCommand,
  UpdateAliasCommand,
  UpdateFunctionCodeCommand,
} from '@aws-sdk/client-lambda';
import {
  GetBucketEncryptionCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { terraformCliEnv } from '@lambda-paved-road/local-aws';
import type { LocalAws } from '@lambda-paved-road/local-aws';
import { accountConfig, assume, DEPLOYMENTS, REGION, WORKLOADS } from './__testUtils__/accounts';
import { startEmulator } from './__testUtils__/emulator';
import { terraform, terraformOk, writeRoot } from './__testUtils__/terraform';

const CLOUDFLARE_V4 = [
  '173.245.48.0/20', '103.21.244.0/22', '103.22.200.0/22', '103.31.4.0/22', '141.101.64.0/18',
  '108.162.192.0/18', '190.93.240.0/20', '188.114.96.0/20', '197.234.240.0/22', '198.41.128.0/17',
  '162.158.0.0/15', '104.16.0.0/13', '104.24.0.0/14', '172.64.0.0/13', '131.0.72.0/22',
];

const APP = 'hello-api';
const ENV = 'dev';
const BASE = `${APP}-${ENV}`;
const CONNECTION = `arn:aws:codeconnections:${REGION}:${DEPLOYMENTS}:connection/4a1b2c3d-0000-4000-8000-000000000001`;
const PLACEHOLDER = `${WORKLOADS}.dkr.ecr.${REGION}.amazonaws.com/paved-road/placeholder:latest`;

const policyOf = (doc: string | undefined) => JSON.parse(decodeURIComponent(doc ?? '{}'));

describe('app-environment composition on the emulator (two accounts)', () => {
  let aws: LocalAws;
  let env: Record<string, string>;
  let dir: string;
  let outputs: Record<string, any>;
  let wl: Awaited<ReturnType<typeof accountConfig>>;
  let dp: Awaited<ReturnType<typeof accountConfig>>;
  const log = path.join(os.tmpdir(), `lpr-terraform-apply-${process.pid}.log`);

  beforeAll(async () => {
    aws = await startEmulator();
    env = { ...aws.env, ...terraformCliEnv() };
    wl = await accountConfig(aws.endpoint, WORKLOADS);
    dp = await accountConfig(aws.endpoint, DEPLOYMENTS);
    const ec2 = new EC2Client(wl);
    const vpc = (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] }))).Vpcs![0];
    const subnets = (await ec2.send(new DescribeSubnetsCommand({ Filters: [{ Name: 'vpc-id', Values: [vpc.VpcId!] }] }))).Subnets!;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-app-env-'));
    writeRoot(dir, {
      app_name: APP,
      environment: ENV,
      region: REGION,
      deployments_account_id: DEPLOYMENTS,
      workloads_account_id: WORKLOADS,
      deployments_role_arn: `arn:aws:iam::${DEPLOYMENTS}:role/lambda-paved-road-provisioner`,
      workloads_role_arn: `arn:aws:iam::${WORKLOADS}:role/lambda-paved-road-provisioner`,
      branch: 'dev',
      repository: 'acme/hello-api',
      connection_arn: CONNECTION,
      domain: 'example.com',
      exposure: 'external',
      image_uri: PLACEHOLDER,
      environment_variables: { LOG_LEVEL: 'info', GREETING: 'hello' },
      reserved_concurrency: 5,
      vpc_id: vpc.VpcId,
      subnet_ids: subnets.slice(0, 2).map(s => s.SubnetId),
      // A throw-away environment: the test pushes an image, destroy must go through.
      force_destroy: true,
      tags: { team: 'platform' },
    });
    await terraformOk(['init', '-input=false', '-no-color'], dir, env, { logFile: log });
  }, 120_000);

  afterAll(async () => {
    await aws?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies', async () => {
    const started = Date.now();
    await terraformOk(['apply', '-auto-approve', '-input=false', '-no-color'], dir, env, { logFile: log });
    process.stdout.write(`apply took ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${log})\n`);
    const out = await terraformOk(['output', '-json'], dir, env);
    outputs = Object.fromEntries(Object.entries(JSON.parse(out.stdout)).map(([k, v]: any) => [k, v.value]));
    expect(outputs).toMatchObject({
      function_name: BASE,
      pipeline_name: BASE,
      codebuild_project_name: BASE,
      url: `https://${ENV}-${APP}.example.com`,
      deployer_role_arn: `arn:aws:iam::${WORKLOADS}:role/${BASE}-deployer`,
    });
  }, 300_000);

  it('runs a container-image function (arm64, 512 MB, 30 s) in the workloads account only', async () => {
    const lambda = new LambdaClient(wl);
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: BASE }));
    expect(fn.Configuration).toMatchObject({
      FunctionArn: `arn:aws:lambda:${REGION}:${WORKLOADS}:function:${BASE}`,
      PackageType: 'Image',
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 30,
      Environment: { Variables: { LOG_LEVEL: 'info', GREETING: 'hello' } },
    });
    expect(fn.Code?.ImageUri).toBe(PLACEHOLDER);
    expect(fn.Tags).toMatchObject({ team: 'platform', 'lambda-paved-road.io/app': APP });
    const conc = await lambda.send(new GetFunctionConcurrencyCommand({ FunctionName: BASE }));
    expect(conc.ReservedConcurrentExecutions).toBe(5);
    const alias = await lambda.send(new GetAliasCommand({ FunctionName: BASE, Name: 'live' }));
    expect(alias.FunctionVersion).toBe('1');
    expect(alias.AliasArn).toBe(outputs.alias_arn);

    const logs = new CloudWatchLogsClient(wl);
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: `/aws/lambda/${BASE}` }));
    expect(groups.logGroups?.map(g => [g.logGroupName, g.retentionInDays])).toEqual([[`/aws/lambda/${BASE}`, 30]]);

    // Not in the deployments account.
    const other = await new LambdaClient(dp).send(new ListFunctionsCommand({}));
    expect(other.Functions ?? []).toEqual([]);
  });

  it('has an ECR repository that scans on push, expires untagged images and only lets Lambda pull', async () => {
    const ecr = new ECRClient(wl);
    const repo = (await ecr.send(new DescribeRepositoriesCommand({ repositoryNames: [BASE] }))).repositories![0];
    expect(repo.repositoryUri).toBe(`${WORKLOADS}.dkr.ecr.${REGION}.amazonaws.com/${BASE}`);
    expect(outputs.ecr_repository_url).toBe(repo.repositoryUri);
    expect(repo.imageScanningConfiguration?.scanOnPush).toBe(true);
    expect(repo.imageTagMutability).toBe('MUTABLE');

    const lifecycle = JSON.parse((await ecr.send(new GetLifecyclePolicyCommand({ repositoryName: BASE }))).lifecyclePolicyText!);
    expect(lifecycle.rules).toEqual([
      expect.objectContaining({
        selection: expect.objectContaining({ tagStatus: 'untagged', countType: 'sinceImagePushed' }),
        action: { type: 'expire' },
      }),
    ]);

    const policy = JSON.parse((await ecr.send(new GetRepositoryPolicyCommand({ repositoryName: BASE }))).policyText!);
    const statements: any[] = [policy.Statement].flat();
    // No principal of the deployments account may push: the buildspec pushes
    // as the deployer role (this account), whose identity policy allows it.
    // A statement counts if it allows any push action (wildcards included) to
    // a principal that is, or includes, the deployments account.
    const pushActions = [
      'ecr:PutImage',
      'ecr:InitiateLayerUpload',
      'ecr:UploadLayerPart',
      'ecr:CompleteLayerUpload',
      'ecr:BatchCheckLayerAvailability',
    ];
    // IAM action patterns: `*` and `?` wildcards, case-insensitive.
    const glob = (pattern: string) => {
      const escaped = pattern.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
      return new RegExp(`^${escaped.replace(/\\\*/g, '.*').replace(/\\\?/g, '.')}$`, 'i');
    };
    const pushes = (s: any) =>
      s.NotAction !== undefined || [s.Action].flat().some((a: string) => pushActions.some(p => glob(a).test(p)));
    const awsPrincipals = (s: any): string[] =>
      s.Principal === '*' ? ['*'] : [s.Principal?.AWS ?? []].flat();
    const inDeployments = (s: any) =>
      s.NotPrincipal !== undefined ||
      awsPrincipals(s).some(p => p === '*' || p === DEPLOYMENTS || p.startsWith(`arn:aws:iam::${DEPLOYMENTS}:`));
    expect(statements.filter(s => s.Effect === 'Allow' && pushes(s) && inDeployments(s))).toEqual([]);
    expect(JSON.stringify(policy)).not.toContain(DEPLOYMENTS);

    // Lambda can still pull, for functions of this account only.
    expect(statements).toEqual([
      {
        Sid: 'LambdaPull',
        Effect: 'Allow',
        Principal: { Service: 'lambda.amazonaws.com' },
        Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
        Condition: { StringLike: { 'aws:sourceArn': `arn:aws:lambda:${REGION}:${WORKLOADS}:function:*` } },
      },
    ]);
  });

  it('lets only the CodeBuild role assume the deployer role, for this app only', async () => {
    const iam = new IAMClient(wl);
    const role = (await iam.send(new GetRoleCommand({ RoleName: `${BASE}-deployer` }))).Role!;
    const trust = policyOf(role.AssumeRolePolicyDocument);
    expect(trust.Statement).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEPLOYMENTS}:role/${BASE}-codebuild` },
        Action: 'sts:AssumeRole',
      }),
    ]);
    const doc = policyOf((await iam.send(new GetRolePolicyCommand({ RoleName: `${BASE}-deployer`, PolicyName: 'deploy' }))).PolicyDocument);
    const bySid = Object.fromEntries(doc.Statement.map((s: any) => [s.Sid, s]));
    expect(bySid.EcrPush.Resource).toBe(`arn:aws:ecr:${REGION}:${WORKLOADS}:repository/${BASE}`);
    expect(bySid.LambdaDeploy.Action).toEqual(
      expect.arrayContaining(['lambda:UpdateFunctionCode', 'lambda:PublishVersion', 'lambda:UpdateAlias']),
    );
    expect(bySid.LambdaDeploy.Resource).toEqual([
      `arn:aws:lambda:${REGION}:${WORKLOADS}:function:${BASE}`,
      `arn:aws:lambda:${REGION}:${WORKLOADS}:function:${BASE}:*`,
    ]);
    // Nothing else is allowed on "*" but the ECR login.
    const wildcard = doc.Statement.filter((s: any) => s.Resource === '*');
    expect(wildcard.map((s: any) => s.Action)).toEqual(['ecr:GetAuthorizationToken']);
  });

  it('serves HTTPS through an ALB whose Lambda target group has the alias, healthy', async () => {
    const elb = new ElasticLoadBalancingV2Client(wl);
    const tg = (await elb.send(new DescribeTargetGroupsCommand({ Names: [BASE] }))).TargetGroups![0];
    expect(tg.TargetType).toBe('lambda');
    const attrs = (await elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: tg.TargetGroupArn }))).Attributes!;
    expect(attrs).toContainEqual({ Key: 'lambda.multi_value_headers.enabled', Value: 'true' });
    const health = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: tg.TargetGroupArn }))).TargetHealthDescriptions!;
    expect(health.map(h => [h.Target?.Id, h.TargetHealth?.State])).toEqual([[outputs.alias_arn, 'healthy']]);

    // The function carries the target group's ARN as a tag: the Deployments
    // backend reads it from GetFunction and asks DescribeTargetHealth directly.
    const fn = await new LambdaClient(wl).send(new GetFunctionCommand({ FunctionName: BASE }));
    expect(tg.TargetGroupArn).toMatch(new RegExp(`^arn:aws:elasticloadbalancing:${REGION}:${WORKLOADS}:targetgroup/${BASE}/`));
    expect(fn.Tags?.['lambda-paved-road.io/target-group-arn']).toBe(tg.TargetGroupArn);

    // The ALB may invoke the alias, only through this target group.
    const perm = JSON.parse((await new LambdaClient(wl).send(new GetPolicyCommand({ FunctionName: BASE, Qualifier: 'live' }))).Policy!);
    expect(perm.Statement).toEqual([
      expect.objectContaining({
        Principal: { Service: 'elasticloadbalancing.amazonaws.com' },
        Action: 'lambda:InvokeFunction',
        Condition: { ArnLike: { 'AWS:SourceArn': tg.TargetGroupArn } },
      }),
    ]);

    const lb = (await elb.send(new DescribeLoadBalancersCommand({ Names: [BASE] }))).LoadBalancers![0];
    // moto leaves Scheme out of DescribeLoadBalancers; modules.test.ts checks
    // statically that the ALB is internet-facing (internal = false).
    expect(lb.Type).toBe('application');
    expect(outputs.alb_dns_name).toBe(lb.DNSName);
    const listeners = (await elb.send(new DescribeListenersCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).Listeners!;
    const https = listeners.find(l => l.Port === 443)!;
    expect(https.Protocol).toBe('HTTPS');
    expect(https.SslPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(https.Certificates?.[0].CertificateArn).toMatch(new RegExp(`^arn:aws:acm:${REGION}:${WORKLOADS}:certificate/`));
    expect(https.DefaultActions?.[0]).toMatchObject({ Type: 'forward', TargetGroupArn: tg.TargetGroupArn });
    const http = listeners.find(l => l.Port === 80)!;
    expect(http.DefaultActions?.[0]).toMatchObject({
      Type: 'redirect',
      RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' },
    });

    // Only Cloudflare may reach it: every ingress rule's source is a Cloudflare range.
    const sg = (await new EC2Client(wl).send(new DescribeSecurityGroupsCommand({ GroupIds: lb.SecurityGroups }))).SecurityGroups!;
    expect(sg).toHaveLength(1);
    const ingress = sg[0].IpPermissions!;
    expect(ingress.map(p => p.FromPort).sort()).toEqual([443, 80]);
    for (const p of ingress) {
      expect(p.IpProtocol).toBe('tcp');
      expect(p.ToPort).toBe(p.FromPort);
      expect((p.IpRanges ?? []).map(r => r.CidrIp).sort()).toEqual([...CLOUDFLARE_V4].sort());
      expect(p.UserIdGroupPairs ?? []).toEqual([]);
      expect(p.PrefixListIds ?? []).toEqual([]);
      for (const r of p.Ipv6Ranges ?? []) expect(r.CidrIpv6).toMatch(/^2(400|606|803|405|a06|c0f):/);
    }
    expect(sg[0].IpPermissionsEgress ?? []).toEqual([]);
  });

  it('has a V2 pipeline in the deployments account that runs on pushes to the branch only', async () => {
    const cp = new CodePipelineClient(dp);
    const { pipeline } = await cp.send(new GetPipelineCommand({ name: BASE }));
    expect(pipeline?.pipelineType).toBe('V2');
    expect(pipeline?.roleArn).toBe(`arn:aws:iam::${DEPLOYMENTS}:role/${BASE}-codepipeline`);
    const source = pipeline!.stages![0].actions![0];
    expect(source.actionTypeId).toMatchObject({ provider: 'CodeStarSourceConnection', category: 'Source' });
    expect(source.configuration).toMatchObject({ ConnectionArn: CONNECTION, FullRepositoryId: 'acme/hello-api', BranchName: 'dev' });
    expect(pipeline!.stages![1].actions![0].configuration).toMatchObject({ ProjectName: BASE });
    expect(pipeline?.triggers).toEqual([
      {
        providerType: 'CodeStarSourceConnection',
        gitConfiguration: { sourceActionName: 'Source', push: [{ branches: { includes: ['dev'] } }] },
      },
    ]);
    expect(pipeline?.artifactStore).toMatchObject({ type: 'S3', location: outputs.artifact_bucket_name });
    // Not in the workloads account.
    expect((await new CodePipelineClient(wl).send(new ListPipelinesCommand({}))).pipelines ?? []).toEqual([]);

    const cb = new CodeBuildClient(dp);
    const project = (await cb.send(new BatchGetProjectsCommand({ names: [BASE] }))).projects![0];
    expect(project.environment).toMatchObject({ type: 'ARM_CONTAINER', privilegedMode: true });
    const vars = Object.fromEntries(project.environment!.environmentVariables!.map(v => [v.name, v.value]));
    expect(vars).toEqual({
      ECR_REGISTRY: `${WORKLOADS}.dkr.ecr.${REGION}.amazonaws.com`,
      ECR_REPOSITORY: BASE,
      FUNCTION_NAME: BASE,
      ALIAS_NAME: 'live',
      ENVIRONMENT: ENV,
      DEPLOY_REGION: REGION,
      DEPLOYER_ROLE_ARN: outputs.deployer_role_arn,
      ARCHITECTURE: 'arm64',
    });
    expect(project.serviceRole).toBe(outputs.codebuild_role_arn);
  });

  it('keeps artifacts in an encrypted, versioned, non-public bucket and gives each service its own role', async () => {
    const s3 = new S3Client({ ...dp, forcePathStyle: true });
    const Bucket = `${BASE}-artifacts-${DEPLOYMENTS}`;
    expect(outputs.artifact_bucket_name).toBe(Bucket);
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status).toBe('Enabled');
    const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket }));
    expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0].ApplyServerSideEncryptionByDefault?.SSEAlgorithm).toBe('aws:kms');
    expect((await s3.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });

    const iam = new IAMClient(dp);
    for (const [role, service] of [
      [`${BASE}-codebuild`, 'codebuild.amazonaws.com'],
      [`${BASE}-codepipeline`, 'codepipeline.amazonaws.com'],
    ]) {
      const trust = policyOf((await iam.send(new GetRoleCommand({ RoleName: role }))).Role!.AssumeRolePolicyDocument);
      expect(trust.Statement.map((s: any) => s.Principal)).toEqual([{ Service: service }]);
    }
    const cbPolicy = policyOf((await iam.send(new GetRolePolicyCommand({ RoleName: `${BASE}-codebuild`, PolicyName: 'build-and-deploy' }))).PolicyDocument);
    const assumeDeployer = cbPolicy.Statement.find((s: any) => s.Sid === 'AssumeDeployer');
    expect(assumeDeployer.Resource).toBe(outputs.deployer_role_arn);
    // Least privilege: logs, the artifact bucket and the deployer role, nothing
    // else. No ECR (login or push) nor Lambda rights of its own: the buildspec
    // assumes the deployer role before its first ECR or Lambda call.
    expect(cbPolicy.Statement.map((s: any) => s.Sid)).toEqual(['Logs', 'ReadSourceWriteArtifacts', 'AssumeDeployer']);
    const cbActions = cbPolicy.Statement.flatMap((s: any) => [s.Action].flat());
    expect(cbActions.filter((a: string) => /^(ecr|lambda):/.test(a))).toEqual([]);
    expect(cbPolicy.Statement.filter((s: any) => [s.Resource].flat().includes('*'))).toEqual([]);
  });

  it('a pipeline deployment (new image, new version, alias moved) survives the next plan', async () => {
    // What the buildspec does: CodeBuild's role assumes the deployer role...
    const codebuild = await assume(aws.endpoint, outputs.codebuild_role_arn);
    const deployer = await assume(aws.endpoint, outputs.deployer_role_arn, codebuild);
    const asDeployer = { endpoint: aws.endpoint, region: REGION, credentials: deployer };
    // ...pushes the image under its commit tag...
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${'1'.repeat(64)}`, size: 2 },
      layers: [],
    });
    await new ECRClient(asDeployer).send(new PutImageCommand({ repositoryName: BASE, imageTag: 'abc1234', imageManifest: manifest }));
    // ...deploys it, publishes a version and moves the alias.
    const lambda = new LambdaClient(asDeployer);
    const image = `${outputs.ecr_repository_url}:abc1234`;
    await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: BASE, ImageUri: image }));
    const version = (await lambda.send(new PublishVersionCommand({ FunctionName: BASE }))).Version!;
    expect(version).toBe('2');
    await lambda.send(new UpdateAliasCommand({ FunctionName: BASE, Name: 'live', FunctionVersion: version }));

    const plan = await terraform(['plan', '-detailed-exitcode', '-input=false', '-no-color'], dir, env, { logFile: log });
    // 0 = no changes, 2 = changes: print the plan when it is not 0.
    if (plan.code !== 0) process.stdout.write(plan.stdout + plan.stderr);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toContain('No changes.');

    const live = await new LambdaClient(wl).send(new GetAliasCommand({ FunctionName: BASE, Name: 'live' }));
    expect(live.FunctionVersion).toBe('2');
    const fn = await new LambdaClient(wl).send(new GetFunctionCommand({ FunctionName: BASE }));
    expect(fn.Code?.ImageUri).toBe(image);
  }, 120_000);

  it('destroys everything it created, in both accounts', async () => {
    const started = Date.now();
    await terraformOk(['destroy', '-auto-approve', '-input=false', '-no-color'], dir, env, { logFile: log });
    process.stdout.write(`destroy took ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

    for (const cfg of [wl, dp]) {
      expect((await new LambdaClient(cfg).send(new ListFunctionsCommand({}))).Functions ?? []).toEqual([]);
      expect((await new ECRClient(cfg).send(new DescribeRepositoriesCommand({}))).repositories ?? []).toEqual([]);
      const elb = new ElasticLoadBalancingV2Client(cfg);
      expect((await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers ?? []).toEqual([]);
      expect((await elb.send(new DescribeTargetGroupsCommand({}))).TargetGroups ?? []).toEqual([]);
      const roles = (await new IAMClient(cfg).send(new ListRolesCommand({}))).Roles ?? [];
      expect(roles.map(r => r.RoleName).filter(n => n?.startsWith(BASE))).toEqual([]);
      const sgs = (await new EC2Client(cfg).send(new DescribeSecurityGroupsCommand({}))).SecurityGroups ?? [];
      expect(sgs.map(g => g.GroupName).filter(n => n !== 'default')).toEqual([]);
      const groups = (await new CloudWatchLogsClient(cfg).send(new DescribeLogGroupsCommand({}))).logGroups ?? [];
      expect(groups).toEqual([]);
      expect((await new ACMClient(cfg).send(new ListCertificatesCommand({}))).CertificateSummaryList ?? []).toEqual([]);
      expect((await new CodePipelineClient(cfg).send(new ListPipelinesCommand({}))).pipelines ?? []).toEqual([]);
      expect((await new CodeBuildClient(cfg).send(new ListProjectsCommand({}))).projects ?? []).toEqual([]);
      const buckets = (await new S3Client({ ...cfg, forcePathStyle: true }).send(new ListBucketsCommand({}))).Buckets ?? [];
      expect(buckets).toEqual([]);
    }
  }, 300_000);
});
