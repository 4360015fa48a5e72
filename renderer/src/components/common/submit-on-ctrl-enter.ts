// Ctrl+Enter (Cmd+Enter on a Mac) sends the form it is typed in, as in Outlook; not while its
// submit button is disabled (e.g. a file is still being attached).
import type { KeyboardEvent } from 'react';

export function submitOnCtrlEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
  event.preventDefault();
  const form = event.currentTarget;
  const submitter = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!submitter || submitter.disabled) return;
  form.requestSubmit(submitter);
}
