/**
 * Deployments tab and overview card for containerized Lambda applications.
 *
 * @packageDocumentation
 */
export {
  lambdaPavedRoadPlugin,
  lambdaDeploymentsRouteRef,
  EntityLambdaDeploymentsContent,
  EntityLambdaDeploymentsCard,
} from './plugin';
export * from './api';
export { LambdaAppNameFieldExtension } from './scaffolder';
export {
  isLambdaPavedRoadAvailable,
  LAMBDA_APP_ANNOTATION,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
