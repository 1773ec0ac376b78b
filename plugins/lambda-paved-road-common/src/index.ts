/**
 * Isomorphic types, naming rules, the environment model and the permissions
 * of the Lambda Paved Road plugins. No I/O.
 *
 * @packageDocumentation
 */
export * from './naming';
export * from './environments';
export * from './annotations';
export * from './permissions';
export * from './deployments';
