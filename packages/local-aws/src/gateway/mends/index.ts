import type { Mend } from '../gateway';

/**
 * The mends the gateway applies by default: each repairs exactly one thing
 * moto gets wrong for the JavaScript SDK (see each file).
 */
export function defaultMends(): Mend[] {
  return [];
}
