/** AWS SDK clients scoped to one emulated account through STS AssumeRole. */
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@aws-sdk/types';

export const DEPLOYMENTS = '111111111111';
export const WORKLOADS = '222222222222';
export const REGION = 'us-east-1';

/** Credentials of a session in `roleArn`, assumed with the given (or default) credentials. */
export async function assume(
  endpoint: string,
  roleArn: string,
  credentials?: AwsCredentialIdentity,
): Promise<AwsCredentialIdentity> {
  const sts = new STSClient({
    endpoint,
    region: REGION,
    credentials: credentials ?? { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'jest-assertions' }));
  const c = out.Credentials!;
  return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
}

/** Client config for an account: the test's own admin role there. */
export async function accountConfig(endpoint: string, accountId: string) {
  return {
    endpoint,
    region: REGION,
    credentials: await assume(endpoint, `arn:aws:iam::${accountId}:role/jest-admin`),
  };
}
