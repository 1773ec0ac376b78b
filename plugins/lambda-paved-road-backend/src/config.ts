import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** The backend's own settings (see config.d.ts). */
export interface BackendSettings {
  cacheTtlMs: number;
  stableCacheTtlMs: number;
  awsTimeoutMs: number;
  awsMaxAttempts: number;
}

function positive(config: Config, key: string, fallback: number, integer = false): number {
  const value = config.getOptionalNumber(key);
  if (value === undefined) return fallback;
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new InputError(`${key} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  }
  return value;
}

/** Reads `lambdaPavedRoad.cache` and `lambdaPavedRoad.aws`, with defaults. */
export function readBackendSettings(config: Config): BackendSettings {
  return {
    cacheTtlMs: positive(config, 'lambdaPavedRoad.cache.ttlSeconds', 30) * 1000,
    stableCacheTtlMs: positive(config, 'lambdaPavedRoad.cache.stableTtlSeconds', 600) * 1000,
    awsTimeoutMs: positive(config, 'lambdaPavedRoad.aws.timeoutMs', 5000),
    awsMaxAttempts: positive(config, 'lambdaPavedRoad.aws.maxAttempts', 3, true),
  };
}
