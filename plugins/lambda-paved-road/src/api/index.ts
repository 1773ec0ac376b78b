export { lambdaPavedRoadApiRef } from './LambdaPavedRoadApi';
export type { LambdaPavedRoadApi } from './LambdaPavedRoadApi';
export { LambdaPavedRoadClient } from './LambdaPavedRoadClient';
