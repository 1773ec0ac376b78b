import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';

/** The role the seed assumes in each account (moto accepts any role). */
export const SEED_ROLE_NAME = 'lambda-paved-road-seeder';

/** SDK client configuration for one account at the emulator. */
export interface AccountClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  maxAttempts: number;
}

/**
 * Client configuration acting in `accountId`: assumes the seed role through
 * STS at the emulator with its dummy credentials.
 */
export async function accountClientConfig(
  endpoint: string,
  region: string,
  accountId: string,
): Promise<AccountClientConfig> {
  const base = {
    endpoint,
    region,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    maxAttempts: 3,
  };
  const out = await new STSClient(base).send(
    new AssumeRoleCommand({
      RoleArn: `arn:aws:iam::${accountId}:role/${SEED_ROLE_NAME}`,
      RoleSessionName: 'lambda-paved-road-seed',
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey) {
    throw new Error(`STS at ${endpoint} returned no credentials for account ${accountId}`);
  }
  return {
    ...base,
    credentials: {
      accessKeyId: c.AccessKeyId,
      secretAccessKey: c.SecretAccessKey,
      sessionToken: c.SessionToken,
    },
  };
}

/** Runs `fn`, treating the named AWS errors as "already there" (idempotency). */
export async function ignoring<T>(
  names: string[],
  fn: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    if (names.includes((e as Error).name)) return undefined;
    throw e;
  }
}

/** POSTs to one of the gateway's harness control routes. */
export async function gatewayControl(
  endpoint: string,
  path: string,
  body: unknown,
): Promise<any> {
  const res = await fetch(`${endpoint}/_gateway/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) {
    throw new Error(
      `The emulator gateway at ${endpoint} refused POST /_gateway/${path} (${res.status}): ${text}. ` +
        'Seeding needs the gateway endpoint (LocalAws.endpoint), not moto itself.',
    );
  }
  return text ? JSON.parse(text) : undefined;
}
