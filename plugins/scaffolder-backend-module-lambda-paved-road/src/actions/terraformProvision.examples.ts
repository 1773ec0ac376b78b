import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Provision every configured environment of an external app (apply or pull request, by configuration); the template passes the outputs of lambda:app:resolve',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision',
          action: 'lambda:terraform:provision',
          name: 'Provision',
          input: {
            app: 'orders',
            exposure: 'external',
            architecture: 'arm64',
            memorySize: 1024,
            timeout: 60,
            reservedConcurrency: 20,
            repository: 'acme/orders',
          },
        },
      ],
    }),
  },
  {
    description: 'Provision an internal app in dev only, with literal settings',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision',
          action: 'lambda:terraform:provision',
          name: 'Provision dev',
          input: {
            app: 'hello-api',
            environments: ['dev'],
            exposure: 'internal',
            architecture: 'arm64',
            memorySize: 512,
            timeout: 30,
            repository: 'acme/hello-api',
          },
        },
      ],
    }),
  },
];
