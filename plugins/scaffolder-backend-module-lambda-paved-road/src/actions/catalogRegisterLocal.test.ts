import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createCatalogRegisterLocalAction } from './catalogRegisterLocal';
import { config, runAction } from '../__testUtils__/context';

describe('lambda:catalog:register-local', () => {
  let root: string;
  let file: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'lpr-register-'));
    file = path.join(root, 'repos', 'team-a', 'hello-api', 'catalog-info.yaml');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: hello-api\nspec: {}\n');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const create = (addLocation: jest.Mock) =>
    createCatalogRegisterLocalAction({
      config: config({ lambdaPavedRoad: { localRepositories: { directory: path.join(root, 'repos') } } }),
      catalog: catalogServiceMock.mock({ addLocation }),
    });

  it('registers a file location with the initiator’s credentials and returns the entity ref', async () => {
    const addLocation = jest.fn().mockResolvedValue({ location: {}, entities: [] });
    const { output } = await runAction(create(addLocation), { catalogInfoPath: file });
    expect(addLocation).toHaveBeenCalledWith(
      { type: 'file', target: file },
      { credentials: expect.objectContaining({ principal: expect.anything() }) },
    );
    expect(output).toEqual({ entityRef: 'component:default/hello-api', catalogInfoUrl: `file://${file}` });
  });

  it('treats an existing location as registered (a retried task)', async () => {
    const addLocation = jest.fn().mockRejectedValue(new ConflictError('Location already exists'));
    await expect(runAction(create(addLocation), { catalogInfoPath: file })).resolves.toBeDefined();
  });

  it('refuses files outside the local repositories directory', async () => {
    const addLocation = jest.fn();
    await expect(
      runAction(create(addLocation), { catalogInfoPath: path.join(root, 'repos', '..', 'elsewhere.yaml') }),
    ).rejects.toThrow('is outside the local repositories directory');
    expect(addLocation).not.toHaveBeenCalled();
  });
});
