/**
 * Deployments tab and overview card for containerized Lambda applications.
 *
 * @packageDocumentation
 */
export { lambdaPavedRoadPlugin } from './plugin';
export {
  isLambdaPavedRoadAvailable,
  LAMBDA_APP_ANNOTATION,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
