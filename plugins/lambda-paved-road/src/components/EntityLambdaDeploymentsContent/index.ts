export { EntityLambdaDeploymentsContent } from './EntityLambdaDeploymentsContent';
