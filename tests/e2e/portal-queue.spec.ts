// The Patient Portal as a shared queue, in Chromium through the browser host, two staff members at once:
// a claim race (one answers, the other is asked before taking over), a reply every staff member sees,
// Assign to…, Release and Close.
import type { Page } from '@playwright/test';
import { expect, test } from './support/app-fixtures.js';
import { portalSend, portalSession } from './support/practice-api.js';
import { portalThreadsOnServer } from './support/workflow-api.js';

async function openConversation(page: Page, subject: string, tab = 'Unassigned') {
  await page.getByRole('link', { name: 'Patient Portal' }).click();
  await page.getByRole('tab', { name: tab }).click();
  await page
    .getByRole('list', { name: `${tab} conversations` })
    .getByRole('button', { name: new RegExp(subject) })
    .click();
  return page.getByRole('region', { name: 'Patient Portal conversation' });
}

test('two staff claim the same patient at once: one answers it, the other is asked before taking over', async ({
  openApp,
  practice,
}) => {
  const ana = await portalSession(practice.url, 'ana.ruiz@patient.example');
  await portalSend(practice.url, ana, 'Can I move my appointment', 'Is Thursday morning possible?');
  const desk = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const lee = await openApp({ signInAs: 'dr.lee@sunrise.example' });
  const deskBar = await openConversation(desk.page, 'Can I move my appointment');
  const leeBar = await openConversation(lee.page, 'Can I move my appointment');
  await expect(deskBar).toContainText('Unassigned');
  await expect(leeBar).toContainText('Unassigned');
  await expect(deskBar).toContainText(/Waiting/);

  await Promise.all([
    deskBar.getByRole('button', { name: 'Claim' }).click(),
    leeBar.getByRole('button', { name: 'Claim' }).click(),
  ]);
  const won = async (page: Page) =>
    (await page.getByRole('region', { name: 'Patient Portal conversation' }).textContent())?.includes(
      'You are answering this patient',
    ) ?? false;
  await expect.poll(async () => [await won(desk.page), await won(lee.page)].filter(Boolean).length).toBe(1);
  const [winner, loser] = (await won(desk.page)) ? [desk, lee] : [lee, desk];
  const dialog = loser.page.getByRole('alertdialog', { name: 'Take over this conversation?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const winnerName = winner === desk ? 'Frances Delgado' : 'Dr. Daniel Lee';
  await expect(loser.page.getByRole('region', { name: 'Patient Portal conversation' })).toContainText(
    `${winnerName} is answering this patient`,
  );

  await winner.page.getByRole('textbox', { name: /Reply/ }).fill('Thursday at 9 works. See you then.');
  await winner.page.getByRole('button', { name: 'Reply' }).click();
  await expect(loser.page.getByRole('list', { name: 'Thread' })).toContainText('Thursday at 9 works.');
  const email = winner === desk ? 'frontdesk@sunrise.example' : 'dr.lee@sunrise.example';
  const mine = await portalThreadsOnServer(practice.url, email, 'mine');
  expect(mine.filter((t) => t.subject === 'Can I move my appointment')).toHaveLength(1);
});

test('assign to a colleague, release, and close; the queue follows', async ({ openApp, practice }) => {
  const ana = await portalSession(practice.url, 'ana.ruiz@patient.example');
  await portalSend(practice.url, ana, 'Parking question', 'Where do I park?');
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const bar = await openConversation(page, 'Parking question');
  await bar.getByRole('button', { name: 'Assign to…' }).click();
  await page.getByRole('combobox', { name: 'Assign to' }).fill('Priya');
  await page.getByRole('option', { name: /Priya Shah/ }).click();
  await expect(bar).toContainText('Priya Shah is answering this patient');
  await expect(page.getByRole('list', { name: 'Unassigned conversations' })).not.toContainText('Parking question');
  await bar.getByRole('button', { name: 'Release' }).click();
  await expect(bar).toContainText('Unassigned');
  await bar.getByRole('button', { name: 'Close' }).click();
  await expect(bar).toContainText('Closed');
  await page.getByRole('tab', { name: 'Closed' }).click();
  await expect(page.getByRole('list', { name: 'Closed conversations' })).toContainText('Parking question');
  const closed = await portalThreadsOnServer(practice.url, 'frontdesk@sunrise.example', 'closed');
  expect(closed.some((t) => t.subject === 'Parking question' && t.owner === null)).toBe(true);
});
