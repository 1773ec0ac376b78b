import type { Mend } from '../gateway';
import { codeBuildMend } from './codebuild';
import { codePipelineMend } from './codepipeline';
import { lambdaImageDigestMend } from './lambdaImageDigest';
import { lambdaEmptyImageConfigMend } from './lambdaImageConfig';
import { codeBuildDeleteByArnMend } from './codebuildDeleteByArn';
import { ecrImageDetailsMend } from './ecrImageDetails';

export { codeBuildMend } from './codebuild';
export type { BuildOutcomeInput, BuildStatus } from './codebuild';
export { codePipelineMend } from './codepipeline';
export type {
  PipelineExecutionStatus,
  RecordExecutionInput,
  RecordedStageState,
  StageExecutionStatus,
} from './codepipeline';
export { lambdaImageDigestMend } from './lambdaImageDigest';
export { lambdaEmptyImageConfigMend } from './lambdaImageConfig';
export { codeBuildDeleteByArnMend } from './codebuildDeleteByArn';
export { ecrImageDetailsMend } from './ecrImageDetails';

/**
 * The mends the gateway applies by default: each repairs exactly one thing
 * moto gets wrong for the JavaScript SDK (see each file).
 */
export function defaultMends(): Mend[] {
  return [
    codePipelineMend(),
    codeBuildMend(),
    lambdaImageDigestMend(),
    lambdaEmptyImageConfigMend(),
    codeBuildDeleteByArnMend(),
    ecrImageDetailsMend(),
  ];
}
