import type { Entity } from '@backstage/catalog-model';
import {
  LAMBDA_OVERRIDE_ANNOTATIONS,
  PavedRoadEnvironment,
  ResourceNames,
  resourceNames,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

/**
 * The entity's resource names in an environment: the naming rules, with the
 * override annotations (`{env}` replaced) for apps that predate the template.
 */
export function resourceNamesFor(
  entity: Entity,
  app: string,
  env: PavedRoadEnvironment,
): ResourceNames {
  const names = { ...resourceNames(app, env) };
  const annotations = entity.metadata.annotations ?? {};
  for (const [key, annotation] of Object.entries(LAMBDA_OVERRIDE_ANNOTATIONS)) {
    const value = annotations[annotation]?.trim();
    if (value) {
      (names as Record<string, string>)[key] = value.replace(/\{env\}/g, env.name);
    }
  }
  return names;
}
