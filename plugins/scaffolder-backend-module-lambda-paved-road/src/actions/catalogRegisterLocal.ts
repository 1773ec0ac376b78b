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
 * The catalog must allow `file` locations (see the README).
 * @public
 */
export function createCatalogRegisterLocalAction(options: {
  config: Config;
  catalog: CatalogService;
}) {
  const { config, catalog } = options;
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
      ctx.output('entityRef', entityRef);
      ctx.output('catalogInfoUrl', `file://${target}`);
    },
  });
}
