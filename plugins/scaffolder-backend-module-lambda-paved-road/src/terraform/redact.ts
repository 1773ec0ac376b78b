/** Names of environment variables whose values are secrets. */
const SECRET_NAME =
  /SECRET|TOKEN|PASSWORD|PASSPHRASE|CREDENTIAL|PRIVATE|SESSION|_KEY$|^AWS_ACCESS_KEY_ID$/i;

/** The shortest value treated as a secret. */
export const MIN_SECRET_LENGTH = 8;

/**
 * Replaces every secret value with `***`. Secrets are the values of
 * secret-looking environment variables plus any value passed explicitly
 * (the task's secrets). Values shorter than MIN_SECRET_LENGTH are skipped:
 * they are placeholders, not secrets (the local stack's dummy AWS key is
 * `test`), and redacting them mangles every name that contains them
 * (`app-test-artifacts` logged as `app-***-artifacts`). Real credentials
 * (AWS keys, session and GitHub tokens) are far longer.
 */
export function createRedactor(
  env: Record<string, string | undefined>,
  extraSecrets: Array<string | undefined> = [],
): (text: string) => string {
  const secrets = [
    ...Object.entries(env)
      .filter(([k]) => SECRET_NAME.test(k))
      .map(([, v]) => v),
    ...extraSecrets,
  ]
    .filter(
      (v): v is string =>
        typeof v === 'string' && v.length >= MIN_SECRET_LENGTH,
    )
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return text => text;
  return text => {
    let out = text;
    for (const s of secrets) out = out.split(s).join('***');
    return out;
  };
}
