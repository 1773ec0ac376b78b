import type { AwsCredentialProvider } from '@backstage/integration-aws-node';

type AwsCredentialIdentityProvider = AwsCredentialProvider['sdkCredentialProvider'];
type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

// Refresh this long before the credentials expire.
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * One credentials fetch for every client of an account: each SDK client
 * memoizes its provider on its own, so five clients would assume the role
 * five times on the first view.
 */
export function sharedCredentials(provider: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let expiresAt = 0;
  return async () => {
    if (!current || (expiresAt && Date.now() > expiresAt - REFRESH_MARGIN_MS)) {
      const next = provider();
      current = next;
      next.then(
        c => {
          expiresAt = c.expiration?.getTime() ?? 0;
        },
        () => {
          if (current === next) current = undefined;
        },
      );
    }
    return current;
  };
}
