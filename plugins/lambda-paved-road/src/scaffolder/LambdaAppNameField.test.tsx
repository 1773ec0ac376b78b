import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { configApiRef } from '@backstage/core-plugin-api';
import { MockConfigApi, renderInTestApp, TestApiProvider } from '@backstage/test-utils';
import { LambdaAppNameField } from './LambdaAppNameField';
import { lambdaAppNameValidation } from './validation';

const config = new MockConfigApi({
  lambdaPavedRoad: {
    domain: 'example.com',
    region: 'us-east-1',
    environments: ['dev', 'test', 'stage', 'prod'].map((name, i) => ({
      name,
      deploymentsAccountId: `10000000000${i}`,
      workloadsAccountId: `20000000000${i}`,
    })),
  },
});

describe('LambdaAppName', () => {
  it('validates with the configured environments and names the rule broken', () => {
    const errors: string[] = [];
    const check = (value: string) => {
      errors.length = 0;
      lambdaAppNameValidation(
        value,
        { addError: (m: string) => errors.push(m) } as any,
        {
          apiHolder: { get: () => config } as any,
          formData: {},
          schema: {},
        },
      );
      return [...errors];
    };
    expect(check('hello-api')).toEqual([]);
    expect(check('aws-api')).toEqual([
      'App name "aws-api" starts with "aws", which AWS reserves',
    ]);
    expect(check('a'.repeat(27))[0]).toContain(
      'too long for environment "stage"',
    );
  });

  it('shows the rule as the user types, and the length the environments allow', async () => {
    const Harness = () => {
      const [value, setValue] = useState<string | undefined>();
      return (
        <LambdaAppNameField
          {...({
            onChange: setValue,
            formData: value,
            schema: { title: 'Name' },
            idSchema: { $id: 'name' },
            uiSchema: {},
            rawErrors: [],
          } as any)}
        />
      );
    };
    await renderInTestApp(
      <TestApiProvider apis={[[configApiRef, config]]}>
        <Harness />
      </TestApiProvider>,
    );
    expect(screen.getByText('At most 26 characters.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Name'), 'Hello');
    expect(screen.getByText(/must be lowercase/)).toBeInTheDocument();
    // Two broken rules: two separate lines, not one run-on sentence.
    await userEvent.type(screen.getByLabelText('Name'), '--x');
    const lowercase = screen.getByText(/must be lowercase/);
    const hyphens = screen.getByText(/consecutive hyphens/);
    expect(lowercase).not.toBe(hyphens);
    expect(lowercase.textContent).not.toMatch(/consecutive hyphens/);
  });
});
