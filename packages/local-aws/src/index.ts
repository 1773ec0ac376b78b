/**
 * Dev/test harness of the local stack: moto, the emulator gateway in front of
 * it, the Terraform CLI configuration for the offline provider mirror, and the
 * demo seed. Never imported by the plugins.
 */
export { startLocalAws } from './localAws';
export type { LocalAws, LocalAwsOptions } from './localAws';
export { startMoto, PrerequisiteError, requireCommand } from './moto';
export type { MotoServer } from './moto';
export { startGateway } from './gateway/gateway';
export type { Gateway, Mend, MendContext, CallStats } from './gateway/gateway';
export type { FaultRule } from './gateway/faults';
export type { AwsCall } from './gateway/requestInfo';
export { awsError, jsonResponse } from './gateway/errors';
export type { GatewayResponse } from './gateway/errors';
export { terraformCliEnv, findProviderMirror } from './terraform';
export { freePort, isPortInUse } from './ports';
export * from './gateway/mends';
export * from './seed';
