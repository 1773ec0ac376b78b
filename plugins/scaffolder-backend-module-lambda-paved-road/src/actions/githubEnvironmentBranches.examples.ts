import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Create and protect dev, test and stage after publish:github',
    example: yaml.stringify({
      steps: [
        {
          id: 'branches',
          action: 'lambda:github:environment-branches',
          name: 'Environment branches',
          input: {
            repoUrl: 'github.com?owner=acme&repo=hello-api',
            defaultBranch: 'main',
            branches: ['dev', 'test', 'stage'],
            requiredApprovals: 1,
          },
        },
      ],
    }),
  },
];
