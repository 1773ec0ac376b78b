export { EntityLambdaDeploymentsCard } from './EntityLambdaDeploymentsCard';
