/**
 * The emulator for the Terraform tests: `@lambda-paved-road/local-aws`, moto
 * behind its gateway with the default mends (among them the two Terraform
 * needs: moto's empty Lambda image config, and CodeBuild deletes by ARN).
 */
import { startLocalAws } from '@lambda-paved-road/local-aws';
import type { LocalAws } from '@lambda-paved-road/local-aws';

export function startEmulator(): Promise<LocalAws> {
  return startLocalAws();
}
