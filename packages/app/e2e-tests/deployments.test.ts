import { expect, Page, test } from '@playwright/test';
import path from 'node:path';
import { demoCommits } from '@lambda-paved-road/local-aws';

// What `yarn dev` seeds (deterministic SHAs): dev runs the newest commit and
// each later environment the one before; prod has only three versions.
const commits = demoCommits('hello-api', new Date());
const seeded = {
  dev: { commit: commits[0], version: 4 },
  test: { commit: commits[1], version: 4 },
  stage: { commit: commits[2], version: 4 },
  prod: { commit: commits[3], version: 3 },
};

/** The screenshots the plugin README shows. */
const SCREENSHOTS = path.resolve(__dirname, '../../../docs/screenshots');

async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  // The catalog is the home page of the local portal.
  await expect(
    page.getByRole('link', { name: 'hello-api' }).first(),
  ).toBeVisible();
}

test('the Deployments tab shows the seeded hello-api in all four environments', async ({
  page,
}) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/hello-api');

  // Overview card: one line per environment.
  const card = page.getByTestId('card-dev').locator('..');
  await expect(page.getByTestId('card-dev')).toBeVisible();
  for (const env of ['dev', 'test', 'stage', 'prod']) {
    await expect(page.getByTestId(`card-${env}`)).toContainText(/version \d+/);
  }
  await card.screenshot({ path: path.join(SCREENSHOTS, 'overview-card.png') });

  await page.getByRole('link', { name: 'Deployments', exact: true }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/component\/hello-api\/deployments/,
  );
  const table = page.getByRole('table', { name: 'Deployments by environment' });
  await expect(table).toBeVisible();

  const headers = table.getByRole('columnheader');
  for (const env of ['dev', 'test', 'stage', 'prod']) {
    await expect(
      headers.filter({ hasText: new RegExp(`^${env}branch`) }),
    ).toHaveCount(1);
    // The seeded commit, its image tag and the Lambda version.
    const { commit, version } = seeded[env as keyof typeof seeded];
    await expect(page.getByTestId(`${env}-live-commit`)).toContainText(
      commit.shortSha,
    );
    await expect(page.getByTestId(`${env}-live-commit`)).toContainText(
      commit.message,
    );
    await expect(page.getByTestId(`${env}-image`)).toContainText(
      `Tag ${commit.shortSha}`,
    );
    await expect(page.getByTestId(`${env}-lambda`)).toContainText(
      `live → version ${version}`,
    );
  }
  // Between columns: what a promotion would carry.
  for (const [env, upstream] of [
    ['test', 'dev'],
    ['stage', 'test'],
    ['prod', 'stage'],
  ]) {
    await expect(page.getByTestId(`promotion-${env}`)).toContainText(
      `${env} is 1 commit behind ${upstream}`,
    );
  }
  // Assertions may scroll the wide table sideways; the picture starts at the left.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({
    path: path.join(SCREENSHOTS, 'deployments-tab.png'),
    fullPage: true,
  });

  // Keyboard: open the stage details with Enter.
  const stageDetails = page.getByRole('button', { name: /stage details/ });
  await stageDetails.focus();
  await page.keyboard.press('Enter');
  await expect(stageDetails).toHaveAttribute('aria-expanded', 'true');
  await expect(
    page.getByRole('table', { name: 'stage pipeline executions' }),
  ).toBeVisible();
  await page
    .getByTestId('lambda-details-stage')
    .screenshot({ path: path.join(SCREENSHOTS, 'environment-details.png') });

  // Run the test pipeline again: confirm, then the new run shows in progress.
  const testPipeline = page.getByTestId('test-pipeline');
  await expect(testPipeline).toContainText('Succeeded');
  await testPipeline
    .getByRole('button', { name: 'Run the test pipeline' })
    .click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(
    'fetches the newest commit on the test branch, builds it and deploys it to test',
  );
  await dialog.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(page.getByText(/Started hello-api-test \(run /)).toBeVisible();
  await expect(testPipeline).toContainText('In progress');
  await expect(dialog).toBeHidden();
});
