import {
  createPermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

const resourceType = 'catalog-entity';

/** Read an entity's deployments (pipelines, builds, images, functions). @public */
export const lambdaDeploymentsReadPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'lambda-paved-road.deployments.read',
    attributes: { action: 'read' },
    resourceType,
  });

/** Start or retry an environment's pipeline. @public */
export const lambdaPipelineStartPermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'lambda-paved-road.pipeline.start',
    attributes: { action: 'update' },
    resourceType,
  });

/** Approve a pipeline's manual approval action. @public */
export const lambdaPipelineApprovePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'lambda-paved-road.pipeline.approve',
    attributes: { action: 'update' },
    resourceType,
  });

/** Promote an image from one environment to the next. @public */
export const lambdaPromotePermission: ResourcePermission<'catalog-entity'> =
  createPermission({
    name: 'lambda-paved-road.promote',
    attributes: { action: 'update' },
    resourceType,
  });

/** Every permission of the plugin, for registration with the permission framework. @public */
export const lambdaPavedRoadPermissions = [
  lambdaDeploymentsReadPermission,
  lambdaPipelineStartPermission,
  lambdaPipelineApprovePermission,
  lambdaPromotePermission,
];
