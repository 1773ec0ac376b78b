/**
 * Backend for the Lambda Paved Road Deployments tab.
 *
 * @packageDocumentation
 */
export { lambdaPavedRoadPlugin as default } from './plugin';
