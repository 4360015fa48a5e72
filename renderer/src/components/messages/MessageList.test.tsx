// @vitest-environment jsdom
// The list stays virtualized over a large cache: a bounded number of rows in the DOM, pages loaded on scroll.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openMessages, renderApp } from '../../testing/render-app.js';

describe('Message list virtualization', () => {
  it('renders at most ~100 rows of 20,000 and loads the next page as you scroll', async () => {
    const { user, api } = await renderApp({ bulkCount: 20_000 });
    const list = await openMessages(user);
    await waitFor(() => expect(within(list).getAllByRole('listitem').length).toBeGreaterThan(5));
    expect(within(list).getAllByRole('listitem').length).toBeLessThanOrEqual(100);
    const firstPage = api.calls.filter((c) => c.method === 'listMessages').length;

    const scroller = list.parentElement!;
    scroller.scrollTop = 56 * 90;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(screen.getByRole('button', { name: /Routine message #80\b/ })).toBeTruthy());
    await waitFor(() => expect(api.calls.filter((c) => c.method === 'listMessages').length).toBeGreaterThan(firstPage));
    const paged = api.calls.filter((c) => c.method === 'listMessages').at(-1)?.args as { cursor: string | null };
    expect(paged.cursor).toBeTruthy();
    expect(within(list).getAllByRole('listitem').length).toBeLessThanOrEqual(100);
    expect(screen.queryByRole('button', { name: /Lab results for Ada Brown/ })).toBeNull();
  });
});
