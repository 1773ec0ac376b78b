import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Provision every environment of an app from the resolve step (apply or pull request, by configuration)',
    example: yaml.stringify({
      steps: [
        {
          id: 'provision',
          action: 'lambda:terraform:provision',
          name: 'Provision',
          input: {
            app: '${{ steps.resolve.output.app }}',
            environments: '${{ steps.resolve.output.environmentNames }}',
            exposure: '${{ steps.resolve.output.exposure }}',
            architecture: '${{ steps.resolve.output.architecture }}',
            memorySize: '${{ steps.resolve.output.memorySize }}',
            timeout: '${{ steps.resolve.output.timeout }}',
            repository: '${{ steps.resolve.output.repository.slug }}',
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
