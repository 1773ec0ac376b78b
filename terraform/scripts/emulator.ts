/**
 * Starts the emulator (moto + gateway + our mend) and the Terraform CLI
 * config, prints the environment to export, and runs until Ctrl-C.
 *   node -r /work/main/node_modules/@backstage/cli-node/config/nodeTransform.cjs terraform/scripts/emulator.ts
 */
import { terraformCliEnv } from '@lambda-paved-road/local-aws';
import { startEmulator } from '../src/__testUtils__/emulator';

async function main() {
  const aws = await startEmulator();
  const env = { ...aws.env, ...terraformCliEnv() };
  for (const [k, v] of Object.entries(env)) process.stdout.write(`export ${k}=${v}\n`);
  process.stdout.write(`# moto itself: ${aws.motoEndpoint}\n`);
  const stop = async () => {
    await aws.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(e => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
