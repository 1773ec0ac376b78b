import { expect, Page, test } from '@playwright/test';
import path from 'node:path';

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
    // The seeded commit (a short SHA), its image tag and the Lambda version.
    await expect(page.getByTestId(`${env}-live-commit`)).toContainText(
      /[0-9a-f]{7}/,
    );
    await expect(page.getByTestId(`${env}-image`)).toContainText(
      /Tag [0-9a-f]{7}/,
    );
    await expect(page.getByTestId(`${env}-lambda`)).toContainText(
      /live → version \d+/,
    );
  }
  // Between columns: what a promotion would carry.
  for (const env of ['test', 'stage', 'prod']) {
    await expect(page.getByTestId(`promotion-${env}`)).toContainText(
      /behind|ahead|same image|same commit|nothing live|cannot compare/,
    );
  }
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
});
