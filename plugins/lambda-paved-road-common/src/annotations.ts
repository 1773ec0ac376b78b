import type { Entity } from '@backstage/catalog-model';

/** Names the paved-road app of an entity; resources are found from it. @public */
export const LAMBDA_APP_ANNOTATION = 'lambda-paved-road.io/app';
/** `internal` or `external`; external apps have an ALB and a public URL. @public */
export const LAMBDA_EXPOSURE_ANNOTATION = 'lambda-paved-road.io/exposure';
/**
 * Tag on an external app's Lambda function naming the ALB target group in
 * front of it (set by the workload Terraform module), so reading the target
 * health needs no lookup by name. @public
 */
export const TARGET_GROUP_ARN_TAG = 'lambda-paved-road.io/target-group-arn';

/**
 * Optional overrides for apps that predate the template. The value may contain
 * `{env}`, replaced by the environment name.
 * @public
 */
export const LAMBDA_OVERRIDE_ANNOTATIONS = {
  functionName: 'lambda-paved-road.io/function-name',
  ecrRepositoryName: 'lambda-paved-road.io/ecr-repository',
  pipelineName: 'lambda-paved-road.io/pipeline-name',
  codeBuildProjectName: 'lambda-paved-road.io/codebuild-project',
} as const;

/** The app name of an entity, or undefined when it is not a paved-road app. @public */
export function getLambdaAppName(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[LAMBDA_APP_ANNOTATION]?.trim();
  return value ? value : undefined;
}

/** Whether the entity carries the paved-road annotation. @public */
export function isLambdaPavedRoadAvailable(entity: Entity): boolean {
  return getLambdaAppName(entity) !== undefined;
}

/** `external` when annotated so; `internal` otherwise. @public */
export function getLambdaExposure(entity: Entity): 'internal' | 'external' {
  return entity.metadata.annotations?.[LAMBDA_EXPOSURE_ANNOTATION] ===
    'external'
    ? 'external'
    : 'internal';
}
