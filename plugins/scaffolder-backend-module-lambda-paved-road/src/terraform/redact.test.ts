import { createRedactor } from './redact';

describe('createRedactor', () => {
  it('redacts secret-looking variables and the task secrets', () => {
    const redact = createRedactor(
      {
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        TF_LOG: 'ERROR',
      },
      ['task-secret-value'],
    );
    expect(
      redact(
        'key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, task-secret-value, level ERROR',
      ),
    ).toBe('key ***, ***, level ERROR');
  });

  it('leaves placeholder values alone, so names containing them stay readable', () => {
    // The local stack's dummy credentials.
    const redact = createRedactor({
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
    expect(
      redact(
        'aws_s3_bucket.artifacts: Creation complete [id=journey-test-artifacts]',
      ),
    ).toBe(
      'aws_s3_bucket.artifacts: Creation complete [id=journey-test-artifacts]',
    );
  });
});
