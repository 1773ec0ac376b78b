import type {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult, BasicPermission, ResourcePermission } from '@backstage/plugin-permission-common';
import {
  lambdaDeploymentsReadPermission,
  lambdaPipelineStartPermission,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';
import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import type { DeploymentsService } from './service/DeploymentsService';

export interface RouterOptions {
  deployments: DeploymentsService;
  catalog: CatalogService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

// What the catalog accepts in a ref's parts (kind: letters/digits; others: DNS-ish).
const part = z.string().min(1).max(253).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const entityParams = z.object({ namespace: part, kind: z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/), name: part });
const environmentParams = entityParams.extend({ env: z.string().regex(/^[a-z][a-z0-9]{0,9}$/) });

export async function createRouter(options: RouterOptions): Promise<express.Router> {
  const { deployments, catalog, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  /** Loads the entity as the caller: who cannot see it gets a 404, not its AWS data. */
  async function loadEntity(
    req: express.Request,
    params: z.infer<typeof entityParams>,
    permission: ResourcePermission<'catalog-entity'> | BasicPermission,
  ) {
    const credentials = await httpAuth.credentials(req);
    const entityRef = stringifyEntityRef(params);
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    if (!entity) throw new NotFoundError(`No entity ${entityRef}, or you may not see it`);
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: stringifyEntityRef(entity) } as any],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(`You may not ${permission.name} for ${entityRef}`);
    }
    return entity;
  }

  const parse = <T extends z.ZodTypeAny>(schema: T, value: unknown): z.infer<T> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InputError(`Malformed ${issue.path.join('.') || 'request'}: ${issue.message}`);
    }
    return parsed.data;
  };

  router.get('/entity/:namespace/:kind/:name/deployments', async (req, res) => {
    const params = parse(entityParams, req.params);
    const entity = await loadEntity(req, params, lambdaDeploymentsReadPermission);
    res.json(await deployments.getDeployments(entity));
  });

  router.post('/entity/:namespace/:kind/:name/environments/:env/pipeline/start', async (req, res) => {
    const params = parse(environmentParams, req.params);
    const entity = await loadEntity(req, params, lambdaPipelineStartPermission);
    res.status(202).json(await deployments.startPipeline(entity, params.env));
  });

  return router;
}
