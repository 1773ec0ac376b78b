import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Resolve an internal Python app in every configured environment',
    example: yaml.stringify({
      steps: [
        {
          id: 'resolve',
          action: 'lambda:app:resolve',
          name: 'Resolve names',
          input: { app: 'hello-api', repoUrl: 'github.com?owner=acme&repo=hello-api' },
        },
      ],
    }),
  },
  {
    description: 'Resolve an external Node.js app in dev and prod only, with settings',
    example: yaml.stringify({
      steps: [
        {
          id: 'resolve',
          action: 'lambda:app:resolve',
          name: 'Resolve names',
          input: {
            app: 'orders',
            environments: ['dev', 'prod'],
            exposure: 'external',
            runtime: 'nodejs22.x',
            architecture: 'x86_64',
            memorySize: 1024,
            timeout: 60,
            reservedConcurrency: 10,
            repoUrl: 'github.com?owner=acme&repo=orders',
          },
        },
      ],
    }),
  },
];
