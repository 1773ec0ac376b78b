import { configApiRef } from '@backstage/core-plugin-api';
import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import {
  NamingEnvironment,
  readEnvironments,
  validateAppName,
} from '@lambda-paved-road/plugin-lambda-paved-road-common';

/**
 * Every rule `name` breaks in the configured environments, as messages.
 * Without the environments (config missing) only the charset rules apply;
 * the backend's resolve step checks the lengths again anyway.
 */
export function appNameProblems(
  name: string,
  environments: NamingEnvironment[],
): string[] {
  return validateAppName(name ?? '', environments).map(v => v.message);
}

/** The configured environments, or none when the config cannot be read. */
export function environmentsOf(
  config: Parameters<typeof readEnvironments>[0] | undefined,
): NamingEnvironment[] {
  if (!config) return [];
  try {
    return readEnvironments(config);
  } catch {
    return [];
  }
}

/** The form's validation of `LambdaAppName`: shows the rule a name breaks. */
export const lambdaAppNameValidation: CustomFieldValidator<string> = (
  value,
  validation,
  context,
) => {
  const config = context.apiHolder.get(configApiRef);
  for (const message of appNameProblems(value, environmentsOf(config))) {
    validation.addError(message);
  }
};
