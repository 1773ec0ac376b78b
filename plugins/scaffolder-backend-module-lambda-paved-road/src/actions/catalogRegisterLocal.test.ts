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

  const entity = { apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'hello-api' } };
  const create = (
    addLocation: jest.Mock,
    getEntityByRef: jest.Mock = jest.fn().mockResolvedValue(entity),
    waitForEntityMs = 5000,
  ) =>
    createCatalogRegisterLocalAction({
      config: config({ lambdaPavedRoad: { localRepositories: { directory: path.join(root, 'repos') } } }),
      catalog: catalogServiceMock.mock({ addLocation, getEntityByRef }),
      waitForEntityMs,
      pollIntervalMs: 10,
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

  it('finishes only once the catalog has processed the entity', async () => {
    const addLocation = jest.fn().mockResolvedValue({ location: {}, entities: [] });
    const getEntityByRef = jest
      .fn()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce(undefined)
      .mockResolvedValue(entity);
    const { log } = await runAction(create(addLocation, getEntityByRef), { catalogInfoPath: file });
    expect(getEntityByRef).toHaveBeenCalledTimes(3);
    expect(getEntityByRef).toHaveBeenCalledWith('component:default/hello-api', {
      credentials: expect.objectContaining({ principal: expect.anything() }),
    });
    expect(log).toContain('info: component:default/hello-api is in the catalog');
  });

  it('says so, and still succeeds, when the catalog has not processed the entity in time', async () => {
    const addLocation = jest.fn().mockResolvedValue({ location: {}, entities: [] });
    const getEntityByRef = jest.fn().mockResolvedValue(undefined);
    const { output, log } = await runAction(create(addLocation, getEntityByRef, 100), { catalogInfoPath: file });
    expect(output.entityRef).toBe('component:default/hello-api');
    expect(log.some(l => l.startsWith('warn: component:default/hello-api is registered, but the catalog has not processed it'))).toBe(true);
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
