/**
 * Scaffolder actions of the Containerized Lambda application template.
 *
 * @packageDocumentation
 */
export { scaffolderModuleLambdaPavedRoad as default } from './module';
export { createResolveAppAction } from './actions/resolveApp';
export { createTerraformProvisionAction } from './actions/terraformProvision';
export { createGitPublishLocalAction } from './actions/gitPublishLocal';
export { createGithubEnvironmentBranchesAction } from './actions/githubEnvironmentBranches';
export { createCatalogRegisterLocalAction } from './actions/catalogRegisterLocal';
export { readRepositoryMode } from './config';
export type { RepositoryMode, ProvisioningMode } from './config';
