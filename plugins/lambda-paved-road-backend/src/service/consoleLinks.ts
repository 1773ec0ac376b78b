/** AWS console links; every link names its region so it opens in the right one. */
const base = (region: string) => `https://${region}.console.aws.amazon.com`;

export const consoleLinks = {
  pipeline: (region: string, name: string) =>
    `${base(region)}/codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/view?region=${region}`,
  pipelineExecution: (region: string, name: string, id: string) =>
    `${base(region)}/codesuite/codepipeline/pipelines/${encodeURIComponent(name)}/executions/${encodeURIComponent(id)}/timeline?region=${region}`,
  buildProject: (region: string, accountId: string, project: string) =>
    `${base(region)}/codesuite/codebuild/${accountId}/projects/${encodeURIComponent(project)}?region=${region}`,
  build: (region: string, accountId: string, project: string, buildId: string) =>
    `${base(region)}/codesuite/codebuild/${accountId}/projects/${encodeURIComponent(project)}/build/${encodeURIComponent(buildId)}/?region=${region}`,
  repository: (region: string, accountId: string, name: string) =>
    `${base(region)}/ecr/repositories/private/${accountId}/${encodeURIComponent(name)}?region=${region}`,
  function: (region: string, name: string) =>
    `${base(region)}/lambda/home?region=${region}#/functions/${encodeURIComponent(name)}`,
};
