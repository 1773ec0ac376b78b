/**
 * Scaffolder actions of the Containerized Lambda application template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleLambdaPavedRoad as default } from './module';
