/**
 * The emulator in a process of its own, for the benchmark: in production the
 * backend's event loop runs only the backend, so the gateway (and its mends)
 * must not share the measured process's loop. Sends its endpoint and
 * environment to the parent, and stops when the parent goes.
 */
import { startLocalAws } from '@lambda-paved-road/local-aws';

async function main() {
  const aws = await startLocalAws();
  const stop = () => aws.stop().finally(() => process.exit(0));
  process.on('disconnect', stop);
  process.on('SIGTERM', stop);
  process.send!({ endpoint: aws.endpoint, env: aws.env });
}

main().catch(e => {
  process.stderr.write(`${e?.stack ?? e}\n`);
  process.exit(1);
});
