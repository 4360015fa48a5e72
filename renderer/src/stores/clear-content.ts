// Drops every piece of message content held in memory (lock, sign-out, practice switch).
import { flushDraft, useComposeStore } from './compose-store.js';
import { useCurrentMessageStore } from './current-message-store.js';
import { useMessageListStore, useTodoStore } from './message-list-store.js';
import { useAuditStore } from './audit-store.js';
import { usePortalStore } from './portal-store.js';
import { useSearchStore } from './search-store.js';
import { useTemplatesStore } from './templates-store.js';
import { useSettingsStore } from './settings-store.js';

export function clearContent(): void {
  // The draft is on disk first, so locking never loses what was being typed.
  void flushDraft();
  useComposeStore.getState().reset();
  useCurrentMessageStore.getState().close();
  useMessageListStore.getState().reset();
  useTodoStore.getState().reset();
  useSearchStore.getState().reset();
  useSettingsStore.getState().reset();
  usePortalStore.getState().reset();
  useTemplatesStore.getState().reset();
  useAuditStore.getState().reset();
}
