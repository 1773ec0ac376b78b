import { expect, test } from '@playwright/test';

test('the local portal signs in a guest and lists the demo app and the template', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'hello-api' }).first()).toBeVisible();

  await nav.getByRole('link', { name: 'Create', exact: true }).click();
  await expect(page.getByText('Containerized Lambda application').first()).toBeVisible();
});
