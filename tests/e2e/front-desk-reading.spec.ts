// Issue 14 while reading, through the browser host against the real server: Back/Forward from a record to
// the message (item 6), document links open the document (7), after Archive the next message opens and
// the title counts unread (10), one name for each record (13), favicon and clickable web addresses (14).
import { expect, test } from './support/app-fixtures.js';
import { apiLogin } from '../support/engine-harness.js';

test('from a message to its document, patient and encounter, and back', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  const heading = page
    .getByRole('region', { name: 'Message' })
    .getByRole('heading', { name: 'Lab results for Grace Kim' });
  await expect(heading).toBeVisible();
  const references = page.getByRole('list', { name: 'Referenced records' });

  // A document link opens the document itself (the PDF in the preview), highlighted in Find Documents.
  await references.getByRole('button', { name: 'Lab results: CBC' }).click();
  const preview = page.getByRole('dialog', { name: 'CBC results.pdf' });
  await expect(preview).toBeVisible();
  await expect(page.getByRole('option', { name: /Lab results: CBC/, selected: true })).toBeVisible();
  await preview.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Previous screen' }).click();
  await expect(heading).toBeVisible();

  await references.getByRole('button', { name: 'Grace Kim' }).click();
  await expect(page.getByRole('heading', { name: 'Demographics' })).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(heading).toBeVisible();
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByRole('heading', { name: 'Demographics' })).toBeVisible();
  // The mouse's back button (DOM button 3); Playwright's mouse has no side buttons, so the event is dispatched.
  await page.evaluate(() => document.body.dispatchEvent(new MouseEvent('mouseup', { button: 3, bubbles: true })));
  await expect(heading).toBeVisible();

  await references.getByRole('button', { name: 'Oct 7, 2026' }).click();
  await expect(page.getByRole('heading', { name: 'Encounter Oct 7, 2026' })).toBeVisible();
  await page.getByRole('button', { name: 'Previous screen' }).click();
  await expect(heading).toBeVisible();
});

test('records are named one way: encounter dates as the links show them, documents by title', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Lab results for Grace Kim/ }).click();
  const attachments = page.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('button', { name: /Encounter Oct 7, 2026/ })).toBeVisible();
  await expect(attachments.getByRole('button', { name: /Lab results: CBC/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Message' }).getByText(/2026-10-07|CBC results\.pdf/)).toHaveCount(0);
});

test('after Archive the next message opens, and the window title counts unread messages', async ({ openApp }) => {
  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  await expect(page).toHaveTitle(/^Practice Messenger \(\d+ unread\)$/);
  const unread = async () => Number(/\((\d+) unread\)/.exec(await page.title())?.[1] ?? '0');
  const before = await unread();
  await page.getByRole('link', { name: 'Messages' }).click();
  const rows = page.getByRole('list', { name: 'Inbox messages' }).getByTestId('message-row');
  const subject = (index: number) => rows.nth(index).locator('.row-subject').innerText();
  const [first, second] = [await subject(0), await subject(1)];
  await rows.nth(0).getByRole('button').click();
  const message = page.getByRole('region', { name: 'Message' });
  await expect(message.getByRole('heading', { name: first })).toBeVisible();
  await expect.poll(unread).toBe(before - 1);
  await message.getByRole('button', { name: 'Archive' }).click();
  await expect(message.getByRole('heading', { name: second })).toBeVisible();
  await expect(rows.filter({ hasText: first })).toHaveCount(0);
  await expect.poll(unread).toBe(before - 2);
});

test('the browser host has a favicon, and web addresses in a body open outside the app', async ({
  openApp,
  practice,
}) => {
  const lee = await apiLogin(practice.url, 'dr.lee@sunrise.example');
  const practiceId = lee.practices.find((p) => p.name.startsWith('Sunrise'))?.id ?? '';
  const users = (await lee.call('GET', `/practices/${practiceId}/users`)).body as {
    users: { id: string; name: string }[];
  };
  const desk = users.users.find((u) => u.name === 'Frances Delgado')?.id ?? '';
  const address = `${practice.url}/api/v1/health`;
  const sent = await lee.call('POST', `/practices/${practiceId}/messages`, {
    clientId: crypto.randomUUID(),
    to: [desk],
    subject: 'Intake form link',
    body: `The form is at ${address} (mail me at lee@sunrise.example, not a link).`,
  });
  expect(sent.status).toBe(201);

  const { page } = await openApp({ signInAs: 'frontdesk@sunrise.example' });
  const icon = await page.locator('link[rel="icon"]').getAttribute('href');
  const favicon = await page.request.get(new URL(icon ?? '', page.url()).toString());
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()['content-type']).toBe('image/png');

  await page.getByRole('link', { name: 'Messages' }).click();
  await page.getByRole('button', { name: /Intake form link/ }).click();
  const body = page.getByRole('region', { name: 'Message' }).locator('.thread-body');
  await expect(body.getByRole('link')).toHaveCount(1);
  const [opened] = await Promise.all([page.waitForEvent('popup'), body.getByRole('link', { name: address }).click()]);
  await expect.poll(() => opened.url()).toBe(address);
  await expect(opened.locator('body')).toContainText('"status":"ok"');
  // The app itself stayed where it was.
  await expect(
    page.getByRole('region', { name: 'Message' }).getByRole('heading', { name: 'Intake form link' }),
  ).toBeVisible();
});
