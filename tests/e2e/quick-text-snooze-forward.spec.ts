// One person's day with the workflow tools, in Chromium through the browser host: a quick-text template
// made in Message Settings and inserted with ";" in a reply, filled for the patient; snooze (the message
// leaves the Inbox and waits under Snoozed); mute kept across a reload; forward with an attachment.
import { expect, test } from './support/app-fixtures.js';
import { messagesSeenBy } from './support/practice-api.js';
import { templatesOnServer } from './support/workflow-api.js';

test('a template made in settings is inserted with ";" and its title, filled for the patient', async ({
  openApp,
  practice,
}) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: 'Message Settings' }).click();
  const quickText = page.getByRole('region', { name: 'Quick text' });
  await quickText.getByRole('button', { name: 'New template' }).click();
  await page.getByLabel('Title').fill('Running late');
  await page
    .getByLabel('Text', { exact: true })
    .fill('Hi {patient.firstName}, {me.name} here: Dr. Lee runs 15 minutes late.');
  await page.getByRole('radio', { name: 'Everyone at this practice' }).check();
  await page.getByRole('button', { name: 'Save template' }).click();
  await expect(quickText.getByRole('list', { name: 'Templates' })).toContainText('Running late');
  await expect
    .poll(async () => (await templatesOnServer(practice.url, 'dr.lee@sunrise.example')).map((t) => t.title))
    .toContain('Running late');

  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Oliver Bennett.*Reschedule my appointment/ }).click();
  const box = page.getByRole('textbox', { name: /Reply to/ });
  await box.pressSequentially('Hello. ;Runn');
  await expect(page.getByRole('listbox', { name: 'Quick text suggestions' })).toContainText('Running late');
  await box.press('Enter');
  await expect(box).toHaveValue('Hello. Hi Oliver, Frances Delgado here: Dr. Lee runs 15 minutes late.');
});

test('snooze takes a message out of the Inbox until then; mute stays muted after a reload', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  const pane = page.getByRole('region', { name: 'Message' });
  await pane.getByRole('button', { name: 'Snooze' }).click();
  await page.getByRole('group', { name: 'Snooze until' }).getByRole('button', { name: '1 hour' }).click();
  await expect(pane.getByText(/^Snoozed until/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Inbox messages' })).not.toContainText('Lab results for Grace Kim');
  await page.getByRole('tab', { name: 'Snoozed' }).click();
  await expect(page.getByRole('list', { name: 'Snoozed messages' })).toContainText('Lab results for Grace Kim');

  await page.getByRole('tab', { name: 'Inbox' }).click();
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  await pane.getByRole('button', { name: 'Mute' }).click();
  await expect(pane.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await page.reload();
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Please call back Liam Patel/ }).click();
  await expect(pane.getByRole('button', { name: 'Unmute' })).toBeVisible();
});

test('forward sends the message on with its attachment, without uploading it again', async ({ openApp, practice }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  await page.getByRole('region', { name: 'Message' }).getByRole('button', { name: 'Forward' }).click();
  await expect(page.getByLabel('Subject')).toHaveValue('Fwd: Lab results for Grace Kim');
  await expect(page.getByRole('button', { name: 'Remove Grace Kim lab note.pdf' })).toBeVisible();
  await page.getByRole('combobox', { name: 'To' }).fill('Priya');
  await page.getByRole('option', { name: /Priya Shah/ }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('tabpanel').getByText('Fwd: Lab results for Grace Kim')).toBeVisible();
  // The same stored file (same bytes, by its sha256) rides along: it was named by its id, not sent again.
  type WithFiles = { subject: string; body: string; attachments: { kind: string; name: string; sha256?: string }[] };
  const files = (m: WithFiles) => m.attachments.filter((a) => a.kind === 'file').map((a) => [a.name, a.sha256]);
  const original = (await messagesSeenBy(practice.url, 'frontdesk@sunrise.example')).find(
    (m) => m.subject === 'Lab results for Grace Kim',
  ) as unknown as WithFiles;
  await expect
    .poll(async () =>
      (await messagesSeenBy(practice.url, 'billing@sunrise.example'))
        .filter((m) => m.subject === 'Fwd: Lab results for Grace Kim')
        .map((m) => [m.body.includes('CBC is normal.'), files(m as unknown as WithFiles)]),
    )
    .toEqual([[true, files(original)]]);
  expect(files(original).length).toBeGreaterThan(0);
});
