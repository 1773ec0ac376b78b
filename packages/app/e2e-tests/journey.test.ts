/*
 * The whole paved road in a browser, against the running local portal:
 * create an app through the template, watch Terraform provision it, see it
 * on the Deployments tab with nothing deployed, release a commit to dev and
 * see it live there (test behind). Run through `node scripts/e2e.js`, which
 * starts the portal and sets PLAYWRIGHT_URL and LPR_AWS_ENDPOINT.
 */
import { expect, Page, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const ENVIRONMENTS = ['dev', 'test', 'stage', 'prod'];

/** Terraform against the emulator, four environments in sequence. */
const TASK_TIMEOUT_MS = 6 * 60_000;
const RELEASE_TIMEOUT_MS = 3 * 60_000;

const shot = (page: Page, n: number, step: string) =>
  page.screenshot({
    path: path.join(SCREENSHOTS, `journey-${n}-${step}.png`),
    fullPage: true,
  });

/** `yarn release <app> dev --repo <dir>`: the local stand-in for a push to dev. */
function release(app: string, repoDir: string): Promise<string> {
  const args = ['release', app, 'dev', '--repo', repoDir];
  if (process.env.LPR_AWS_ENDPOINT) {
    args.push('--endpoint', process.env.LPR_AWS_ENDPOINT);
  }
  return new Promise((resolve, reject) => {
    execFile(
      'yarn',
      args,
      { cwd: ROOT, timeout: RELEASE_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          reject(
            new Error(
              `yarn ${args.join(' ')} failed: ${
                error.message
              }\n${stdout}\n${stderr}`,
            ),
          );
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

// A fresh name per run, so reruns against a stack that already has an
// earlier journey's app (and its repository and state) still work.
const app = `journey-${randomBytes(3).toString('hex')}`;

// A missing element fails fast; the long waits (task, release) set their own.
test.use({ actionTimeout: 30_000 });

test('create an app, provision it, release to dev and see it on the Deployments tab', async ({
  page,
}) => {
  test.setTimeout(TASK_TIMEOUT_MS + RELEASE_TIMEOUT_MS + 3 * 60_000);

  // 1. Create → the template → the form, a bad name first.
  await page.goto('/create');
  await page.getByRole('button', { name: 'Enter' }).click();
  await page.getByRole('button', { name: 'Choose' }).first().click();
  await expect(
    page.getByRole('heading', { name: 'Containerized Lambda application' }),
  ).toBeVisible();

  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill('Journey--Bad');
  await expect(page.getByText(/must be lowercase/)).toBeVisible();
  await expect(
    page.getByText(/must not contain consecutive hyphens/),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Owner' }).click();
  await page.getByRole('option', { name: 'platform-team' }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  // Refused: still on the first step, the reasons still shown.
  await expect(page.getByText(/must be lowercase/)).toBeVisible();
  await expect(page.getByText('Runtime', { exact: true })).toBeHidden();
  await shot(page, 1, 'bad-name');

  await name.fill(app);
  await expect(page.getByText(/must be lowercase/)).toBeHidden();
  await page.getByRole('button', { name: 'Next' }).click();
  // Runtime and exposure: Python, internal, all four environments (defaults).
  for (const env of ENVIRONMENTS) {
    await expect(page.getByRole('checkbox', { name: env })).toBeChecked();
  }
  await page.getByRole('button', { name: 'Next' }).click();
  // Function settings: defaults.
  await page.getByRole('button', { name: 'Next' }).click();
  // Repository: on the portal's disk under {owner}/{repo} (local mode).
  // Autocompletes: typed text counts once the field is left.
  await page.getByRole('textbox', { name: 'Owner' }).fill('platform-team');
  await page.getByRole('textbox', { name: 'Owner' }).press('Tab');
  await page.getByRole('textbox', { name: 'Repository' }).fill(app);
  await page.getByRole('textbox', { name: 'Repository' }).press('Tab');
  await page.getByRole('button', { name: 'Review' }).click();
  await expect(page.getByText(app).first()).toBeVisible();
  await page.getByRole('button', { name: 'Create' }).click();

  // 2. The task: Terraform's progress in the log, then the links.
  await expect(page).toHaveURL(/\/create\/tasks\//);
  const taskStarted = Date.now();
  // The log is folded while a task runs; unfold it to watch Terraform.
  await page.getByRole('button', { name: 'Show logs' }).click();
  await expect(
    page.getByText(/: Creation complete after \d+s/).first(),
  ).toBeVisible({
    timeout: TASK_TIMEOUT_MS,
  });
  await shot(page, 2, 'terraform-progress');

  const entityLink = page
    .getByRole('link', { name: 'Open in catalog' })
    .or(page.getByRole('button', { name: 'Open in catalog' }));
  await expect(entityLink.first()).toBeVisible({ timeout: TASK_TIMEOUT_MS });
  const taskSeconds = (Date.now() - taskStarted) / 1000;
  test
    .info()
    .annotations.push({
      type: 'task seconds',
      description: taskSeconds.toFixed(0),
    });
  process.stdout.write(
    `[journey] ${app}: task finished ${taskSeconds.toFixed(0)} s after submit\n`,
  );

  const repoLink = page.getByRole('link', { name: 'Repository' });
  const repoUrl = await repoLink.getAttribute('href');
  expect(repoUrl).toMatch(new RegExp(`^file://.*/platform-team/${app}$`));
  for (const env of ENVIRONMENTS) {
    await expect(
      page.getByRole('link', { name: `${env}: function ${app}-${env}` }),
    ).toBeVisible();
  }
  await shot(page, 3, 'task-done');

  // 3. The entity's Deployments tab: four environments, nothing deployed.
  await entityLink.first().click();
  await expect(page).toHaveURL(new RegExp(`/catalog/default/component/${app}`));
  // The task ends when the location is registered; the catalog processes it
  // moments later, so the page may first say "Entity not found": reload.
  const deploymentsTab = page.getByRole('link', {
    name: 'Deployments',
    exact: true,
  });
  await expect(async () => {
    if (!(await deploymentsTab.isVisible())) await page.reload();
    await expect(deploymentsTab).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 60_000 });
  await deploymentsTab.click();
  // Provisioned, never deployed: Terraform's placeholder version 1 is not a deployment.
  await expect(page.getByText(`Nothing deployed for ${app} yet`)).toBeVisible();
  const table = page.getByRole('table', { name: 'Deployments by environment' });
  for (const env of ENVIRONMENTS) {
    await expect(
      table
        .getByRole('columnheader')
        .filter({ hasText: new RegExp(`^${env}branch`) }),
    ).toHaveCount(1);
    await expect(page.getByTestId(`${env}-pipeline`)).toContainText(
      'No runs yet',
    );
    await expect(page.getByTestId(`${env}-pipeline`)).toContainText(
      `${app}-${env}`,
    );
    await expect(page.getByTestId(`${env}-lambda`)).toContainText(
      `${app}-${env}`,
    );
    await expect(page.getByTestId(`${env}-live-commit`)).toContainText(
      'Nothing live',
    );
    await expect(page.getByTestId(`${env}-image`)).toContainText(
      `No image in ${app}-${env}`,
    );
  }
  await shot(page, 4, 'nothing-deployed');

  // 4. Release the tip of dev, then refresh: live in dev, test behind.
  const releaseStarted = Date.now();
  const output = await release(app, fileURLToPath(repoUrl!));
  const sha = /\[release\] \S+ ([0-9a-f]{7}) → dev/.exec(output)?.[1];
  expect(
    sha,
    `the release names the commit it deploys:\n${output}`,
  ).toBeTruthy();
  expect(output).toContain(`${sha} is live in dev`);
  process.stdout.write(
    `[journey] release of ${sha} to dev took ${(
      (Date.now() - releaseStarted) /
      1000
    ).toFixed(0)} s\n`,
  );

  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh deployments' }).click();
    await expect(page.getByTestId('dev-live-commit')).toContainText(sha!, {
      timeout: 3_000,
    });
  }).toPass({ timeout: 60_000, intervals: [2_000] });
  await expect(page.getByTestId('dev-pipeline')).toContainText('Succeeded');
  await expect(page.getByTestId('dev-image')).toContainText(`Tag ${sha}`);
  // Version 1 is Terraform's placeholder; the release published version 2.
  await expect(page.getByTestId('dev-lambda')).toContainText(
    'live → version 2',
  );
  for (const env of ['test', 'stage', 'prod']) {
    await expect(page.getByTestId(`${env}-live-commit`)).toContainText(
      'Nothing live',
    );
  }
  // What promoting dev into test would carry: the commit just released.
  await expect(page.getByTestId('promotion-test')).toContainText(
    `nothing live in test yet; promoting carries ${sha}`,
  );
  await shot(page, 5, 'live-in-dev');
});
