import { screen } from '@testing-library/react';
import { EntityLambdaDeploymentsCard } from './EntityLambdaDeploymentsCard';
import { failed, sampleDeployments } from '../../__testUtils__/fixtures';
import { findInAct, fakeApi, renderWithApi } from '../../__testUtils__/render';

describe('EntityLambdaDeploymentsCard', () => {
  it('shows one compact line per environment, a failing one in its own line', async () => {
    const api = fakeApi(async () =>
      sampleDeployments(envs => {
        envs[3].function = failed({
          code: 'ACCESS_DENIED',
          message: 'denied',
          accountId: envs[3].workloadsAccountId,
        });
        envs[1].derived.imageDrift = true;
      }),
    );
    await renderWithApi(<EntityLambdaDeploymentsCard />, { api });
    const dev = await findInAct(() => screen.getByTestId('card-dev'));
    expect(dev).toHaveTextContent(/^devSucceeded5555555version 5/);
    expect(screen.getByTestId('card-test')).toHaveTextContent('drift');
    expect(screen.getByTestId('card-stage')).toHaveTextContent('2222222');
    expect(screen.getByTestId('card-prod')).toHaveTextContent(
      'Access denied (see Deployments tab)',
    );
    expect(screen.getByTestId('card-prod')).toHaveTextContent('2222222');
    expect(screen.getAllByRole('listitem')).toHaveLength(4);
  });
});
