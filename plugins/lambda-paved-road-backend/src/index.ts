/**
 * Backend for the Lambda Paved Road Deployments tab.
 *
 * @packageDocumentation
 */
export { lambdaPavedRoadPlugin as default } from './plugin';
export { DefaultDeploymentsService } from './service/DeploymentsService';
export type { DeploymentsService, DeploymentsServiceOptions } from './service/DeploymentsService';
export { AwsClientFactory } from './service/awsClients';
export type { AwsClientOptions, AccountClients } from './service/awsClients';
