export { LambdaAppNameFieldExtension } from './extensions';
