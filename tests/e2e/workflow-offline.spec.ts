// Offline, in Chromium through the browser host: claim, snooze, mute and a template made while the practice
// server is down show at once as pending, and reach it exactly once when it is back.
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy, portalSend, portalSession } from './support/practice-api.js';
import {
  auditOnServer,
  mutedThreadsOnServer,
  portalThreadsOnServer,
  templatesOnServer,
} from './support/workflow-api.js';

test('claim, snooze, mute and a template made offline are applied once when the server is back', async ({
  openApp,
  practice,
}) => {
  test.setTimeout(150_000);
  const ana = await portalSession(practice.url, 'ana.ruiz@patient.example');
  await portalSend(practice.url, ana, 'Offline question', 'Do you take walk-ins?');
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Patient Portal' }).click();
  await expect(page.getByRole('list', { name: 'Unassigned conversations' })).toContainText('Offline question');

  await practice.stop();
  await expect(page.getByText(/offline/i).first()).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /Offline question/ }).click();
  const bar = page.getByRole('region', { name: 'Patient Portal conversation' });
  await bar.getByRole('button', { name: 'Claim' }).click();
  await expect(bar).toContainText('You are answering this patient');
  await expect(bar).toContainText('Pending');

  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  const pane = page.getByRole('region', { name: 'Message' });
  await pane.getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('button', { name: 'Tomorrow 8:00' }).click();
  await expect(pane.getByText(/^Snoozed until/)).toBeVisible();
  await pane.getByRole('button', { name: 'Mute' }).click();
  await expect(pane.getByRole('button', { name: 'Unmute' })).toBeVisible();

  await page.getByRole('button', { name: 'Message Settings' }).click();
  const quickText = page.getByRole('region', { name: 'Quick text' });
  await quickText.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Title').fill('Walk-ins');
  await page.getByLabel('Text', { exact: true }).fill('We take walk-ins from 8 to 10 every morning.');
  await page.getByRole('button', { name: 'Save template' }).click();
  const saved = quickText.getByRole('listitem').filter({ hasText: 'Walk-ins' });
  await expect(saved).toContainText('Pending');
  // The Outbox counts messages you sent; these changes are not, so no Outbox button shows for them.
  await expect(page.getByRole('button', { name: /^Outbox/ })).toHaveCount(0);

  await practice.restart();
  await expect(page.getByText(/offline/i)).toHaveCount(0, { timeout: 70_000 });
  // The outbox goes out in order: once the template (made last) is delivered, so is the rest.
  await expect(saved).not.toContainText('Pending', { timeout: 30_000 });

  const mine = await portalThreadsOnServer(practice.url, 'frontdesk@sunrise.example', 'mine');
  expect(mine.filter((t) => t.subject === 'Offline question')).toHaveLength(1);
  const threadId = mine.find((t) => t.subject === 'Offline question')?.threadId;
  expect(
    (await auditOnServer(practice.url, 'action=portal_claimed')).filter((e) => e.threadId === threadId),
  ).toHaveLength(1);
  expect((await auditOnServer(practice.url, 'action=message_snoozed')).length).toBeGreaterThanOrEqual(1);
  const liam = (await messagesSeenBy(practice.url, 'frontdesk@sunrise.example')).find(
    (m) => m.subject === 'Please call back Liam Patel',
  ) as unknown as { threadId: string };
  expect(await mutedThreadsOnServer(practice.url, 'frontdesk@sunrise.example')).toEqual([liam.threadId]);
  expect(
    (await templatesOnServer(practice.url, 'frontdesk@sunrise.example')).filter((t) => t.title === 'Walk-ins'),
  ).toHaveLength(1);
});
