/** Names of environment variables whose values are secrets. */
const SECRET_NAME = /SECRET|TOKEN|PASSWORD|PASSPHRASE|CREDENTIAL|PRIVATE|SESSION|_KEY$|^AWS_ACCESS_KEY_ID$/i;

/**
 * Replaces every secret value with `***`. Secrets are the values of
 * secret-looking environment variables plus any value passed explicitly
 * (the task's secrets); short values are skipped, they would redact noise.
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
    .filter((v): v is string => typeof v === 'string' && v.length >= 4)
    .sort((a, b) => b.length - a.length);
  if (secrets.length === 0) return text => text;
  return text => {
    let out = text;
    for (const s of secrets) out = out.split(s).join('***');
    return out;
  };
}
