import { getLambdaAppName, getLambdaExposure, isLambdaPavedRoadAvailable } from './annotations';

const entity = (annotations?: Record<string, string>) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'x', annotations },
});

describe('annotations', () => {
  it('reads the app name and exposure', () => {
    const e = entity({
      'lambda-paved-road.io/app': ' hello-api ',
      'lambda-paved-road.io/exposure': 'external',
    });
    expect(getLambdaAppName(e)).toBe('hello-api');
    expect(isLambdaPavedRoadAvailable(e)).toBe(true);
    expect(getLambdaExposure(e)).toBe('external');
  });
  it('treats a missing or blank annotation as not a paved-road app', () => {
    expect(isLambdaPavedRoadAvailable(entity())).toBe(false);
    expect(getLambdaAppName(entity({ 'lambda-paved-road.io/app': ' ' }))).toBeUndefined();
    expect(getLambdaExposure(entity())).toBe('internal');
  });
});
