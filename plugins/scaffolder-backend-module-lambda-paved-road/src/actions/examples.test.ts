/**
 * Runs every documented example of every action (in dry-run mode for the
 * actions with side effects), so an example cannot rot.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import { validate } from 'jsonschema';
import yaml from 'yaml';
import { createCatalogRegisterLocalAction } from './catalogRegisterLocal';
import { createGitPublishLocalAction } from './gitPublishLocal';
import { createGithubEnvironmentBranchesAction } from './githubEnvironmentBranches';
import { createResolveAppAction } from './resolveApp';
import { createTerraformProvisionAction } from './terraformProvision';
import { config, runAction } from '../__testUtils__/context';
import { pavedRoadConfig } from '../__testUtils__/fixtures';

describe('action examples', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-examples-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const cfg = config({
    ...pavedRoadConfig(root),
    integrations: { github: [{ host: 'github.com', token: 'ghp_x' }] },
  });
  const actions: TemplateAction<any, any, any>[] = [
    createResolveAppAction({ config: cfg }),
    createTerraformProvisionAction({ config: cfg }),
    createGitPublishLocalAction({ config: cfg }),
    createGithubEnvironmentBranchesAction({ config: cfg }),
    createCatalogRegisterLocalAction({ config: cfg, catalog: catalogServiceMock() }),
  ];
  const cases = actions.flatMap(action =>
    (action.examples ?? []).map(e => [action.id, e.description, action, e.example] as const),
  );

  it('documents every action', () => {
    expect(new Set(cases.map(c => c[0]))).toEqual(new Set(actions.map(a => a.id)));
  });

  it.each(cases)('%s: %s', async (id, _, action, example) => {
    const steps = yaml.parse(example).steps;
    for (const step of steps) {
      expect(step.action).toBe(id);
      const input = step.input;
      // Inputs that refer to earlier steps are shown as expressions; the rest must validate.
      if (JSON.stringify(input).includes('${{')) continue;
      const result = validate(input, action.schema!.input!);
      expect(result.errors.map(e => e.stack)).toEqual([]);
      const workspacePath = path.join(root, id.replace(/:/g, '-'));
      fs.mkdirSync(path.join(workspacePath, 'repo'), { recursive: true });
      await expect(
        runAction(action, input, { workspacePath, isDryRun: action.supportsDryRun }),
      ).resolves.toBeDefined();
    }
  });
});
