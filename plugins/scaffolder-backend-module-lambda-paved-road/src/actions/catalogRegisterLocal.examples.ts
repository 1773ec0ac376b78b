import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Register the component of a repository published by lambda:git:publish-local',
    example: yaml.stringify({
      steps: [
        {
          id: 'register',
          action: 'lambda:catalog:register-local',
          name: 'Register',
          input: { catalogInfoPath: '${{ steps.publish.output.catalogInfoPath }}' },
        },
      ],
    }),
  },
];
