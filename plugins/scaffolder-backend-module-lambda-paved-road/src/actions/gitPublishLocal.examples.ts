import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Publish the rendered skeleton with the dev, test and stage branches',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'lambda:git:publish-local',
          name: 'Publish locally',
          input: {
            owner: 'local',
            repo: 'hello-api',
            sourcePath: 'repo',
            defaultBranch: 'main',
            branches: ['dev', 'test', 'stage'],
          },
        },
      ],
    }),
  },
];
