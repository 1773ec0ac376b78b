import { awsError, GatewayResponse } from './errors';
import type { AwsCall } from './requestInfo';

/** A fault the gateway injects into matching calls. */
export interface FaultRule {
  /** Signing name, e.g. `lambda`; omitted matches every service. */
  service?: string;
  operation?: string;
  accountId?: string;
  kind: 'access-denied' | 'throttle' | 'timeout' | 'unreachable';
  /** How many matching calls to fault; omitted means every one. */
  times?: number;
  /** For `timeout`: how long to hold the call before answering (default 30 s). */
  delayMs?: number;
}

export type FaultOutcome =
  | { type: 'respond'; response: GatewayResponse }
  | { type: 'delay'; ms: number }
  | { type: 'drop' };

export function matches(rule: FaultRule, call: AwsCall): boolean {
  return (
    (!rule.service || rule.service === call.service) &&
    (!rule.operation || rule.operation === call.operation) &&
    (!rule.accountId || rule.accountId === call.accountId)
  );
}

/** Applies the first matching rule, consuming one of its `times`. */
export function applyFaults(
  rules: FaultRule[],
  call: AwsCall,
): FaultOutcome | undefined {
  const rule = rules.find(r => matches(r, call) && (r.times ?? 1) > 0);
  if (!rule) return undefined;
  if (rule.times !== undefined) rule.times -= 1;
  switch (rule.kind) {
    case 'access-denied':
      return {
        type: 'respond',
        response: awsError(
          call,
          403,
          call.protocol === 'query' ? 'AccessDenied' : 'AccessDeniedException',
          `User is not authorized to perform: ${call.service}:${call.operation} in account ${call.accountId ?? 'unknown'} (injected by the emulator gateway)`,
        ),
      };
    case 'throttle':
      return {
        type: 'respond',
        response:
          call.service === 'lambda'
            ? awsError(call, 429, 'TooManyRequestsException', 'Rate exceeded')
            : awsError(
                call,
                400,
                call.protocol === 'query' ? 'Throttling' : 'ThrottlingException',
                'Rate exceeded',
              ),
      };
    case 'timeout':
      return { type: 'delay', ms: rule.delayMs ?? 30_000 };
    case 'unreachable':
      return { type: 'drop' };
    default:
      return undefined;
  }
}
