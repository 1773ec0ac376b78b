import fs from 'node:fs/promises';
import path from 'node:path';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import { InputError, isError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { readLocalRepositoriesDirectory } from '../config';
import { examples } from './catalogRegisterLocal.examples';

/**
 * `lambda:catalog:register-local`: registers the catalog-info.yaml of a local
 * repository as a `file` location (the local stack's `catalog:register`).
 * Only files inside the configured local repositories directory are
 * accepted, so the action cannot register arbitrary files of the backend.
 * The catalog must allow `file` locations (see the README). It then waits
 * (up to `waitForEntityMs`) until the catalog has processed the entity, so
 * the task's "Open in catalog" link finds it.
 * @public
 */
export function createCatalogRegisterLocalAction(options: {
  config: Config;
  catalog: CatalogService;
  /** How long to wait for the catalog to process the new entity; default 30 s. */
  waitForEntityMs?: number;
  /** Between two looks; default 500 ms. */
  pollIntervalMs?: number;
}) {
  const { config, catalog } = options;
  const waitForEntityMs = options.waitForEntityMs ?? 30_000;
  const pollIntervalMs = options.pollIntervalMs ?? 500;
  return createTemplateAction({
    id: 'lambda:catalog:register-local',
    description:
      'Registers the catalog-info.yaml of a repository created by lambda:git:publish-local as a file location in the catalog.',
    examples,
    schema: {
      input: {
        catalogInfoPath: z =>
          z.string({ description: 'Absolute path of the catalog-info.yaml (publish-local’s output)' }),
      },
      output: {
        entityRef: z => z.string(),
        catalogInfoUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const base = readLocalRepositoriesDirectory(config);
      const target = path.resolve(ctx.input.catalogInfoPath);
      if (!target.startsWith(`${base}${path.sep}`)) {
        throw new InputError(
          `${target} is outside the local repositories directory ${base}; only repositories created by lambda:git:publish-local can be registered`,
        );
      }
      const docs = yaml
        .parseAllDocuments(await fs.readFile(target, 'utf8'))
        .map(d => d.toJSON())
        .filter(d => d?.kind && d?.metadata?.name);
      const entity = docs.find(d => d.kind === 'Component') ?? docs[0];
      if (!entity) {
        throw new InputError(`${target} holds no catalog entity`);
      }
      const entityRef = stringifyEntityRef(
        parseEntityRef({
          kind: entity.kind,
          namespace: entity.metadata.namespace,
          name: entity.metadata.name,
        }),
      );

      await ctx.checkpoint({
        key: `lambda-paved-road.catalog-register-local.${target}.v1`,
        fn: async () => {
          try {
            await catalog.addLocation(
              { type: 'file', target },
              { credentials: await ctx.getInitiatorCredentials() },
            );
            ctx.logger.info(`Registered ${target} in the catalog as ${entityRef}`);
          } catch (e) {
            // A retry finds its own location: that is success, not a conflict.
            if (isError(e) && e.name === 'ConflictError') {
              ctx.logger.info(`${target} was already registered`);
              return;
            }
            throw e;
          }
        },
      });
      // The catalog processes a new location in the background (seconds
      // locally): wait for the entity, so the link at the end of the task
      // does not open a "not found" page.
      const credentials = await ctx.getInitiatorCredentials();
      const deadline = Date.now() + waitForEntityMs;
      for (;;) {
        const found = await catalog
          .getEntityByRef(entityRef, { credentials })
          .catch(() => undefined);
        if (found) {
          ctx.logger.info(`${entityRef} is in the catalog`);
          break;
        }
        if (Date.now() >= deadline || ctx.signal?.aborted) {
          ctx.logger.warn(
            `${entityRef} is registered, but the catalog has not processed it after ${Math.round(waitForEntityMs / 1000)} s; it appears once the catalog's processing loop reaches it`,
          );
          break;
        }
        await new Promise(resolve => setTimeout(resolve, pollIntervalMs));
      }
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', `file://${target}`);
    },
  });
}
