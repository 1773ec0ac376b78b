import { Gateway, Mend, startGateway } from './gateway/gateway';
import type { FaultRule } from './gateway/faults';
import { defaultMends } from './gateway/mends';
import { startMoto } from './moto';
import { freePort } from './ports';

/** The emulator: moto behind the gateway. */
export interface LocalAws {
  /** The gateway: what AWS_ENDPOINT_URL points at. */
  endpoint: string;
  /** moto itself, for callers that must bypass the gateway. */
  motoEndpoint: string;
  /** Environment for any AWS client (SDK, CLI, Terraform): endpoint and dummy credentials. */
  env: Record<string, string>;
  gateway: Gateway;
  /** Clears moto and the gateway (faults, stats, emulated state). */
  reset(): Promise<void>;
  setFaults(rules: FaultRule[]): void;
  stop(): Promise<void>;
}

export interface LocalAwsOptions {
  /** Gateway port; a free one by default. */
  port?: number;
  latencyMs?: number;
  /** Replaces the default mends (tests of the gateway itself). */
  mends?: Mend[];
}

/** Starts moto on a free port and the gateway in front of it. */
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const moto = await startMoto();
  let gateway: Gateway;
  try {
    gateway = await startGateway({
      target: moto.endpoint,
      port: options.port ?? (await freePort()),
      mends: options.mends ?? defaultMends(),
      latencyMs: options.latencyMs,
    });
  } catch (e) {
    await moto.stop();
    throw e;
  }
  return {
    endpoint: gateway.endpoint,
    motoEndpoint: moto.endpoint,
    gateway,
    env: {
      AWS_ENDPOINT_URL: gateway.endpoint,
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      // Never read the developer's own profiles by accident.
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_EC2_METADATA_DISABLED: 'true',
    },
    async reset() {
      await moto.reset();
      gateway.reset();
    },
    setFaults: rules => gateway.setFaults(rules),
    async stop() {
      await gateway.stop();
      await moto.stop();
    },
  };
}
