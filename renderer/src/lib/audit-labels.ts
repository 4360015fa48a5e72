// Audit actions in words for the Audit view's filter and table.
import type { AuditAction } from '../../../common/desktop/index.js';

export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  sign_in: 'Signed in',
  sign_in_failed: 'Sign-in failed',
  sign_out: 'Signed out',
  message_sent: 'Sent a message',
  message_read: 'Read a message',
  message_flagged: 'Flagged',
  message_unflagged: 'Unflagged',
  message_archived: 'Archived',
  message_unarchived: 'Moved to Inbox',
  message_snoozed: 'Snoozed',
  attachment_downloaded: 'Opened an attachment',
  document_downloaded: 'Opened a document',
  portal_claimed: 'Claimed a portal conversation',
  portal_assigned: 'Assigned a portal conversation',
  portal_released: 'Released a portal conversation',
  portal_closed: 'Closed a portal conversation',
  settings_changed: 'Changed settings',
  template_created: 'Created a template',
  template_updated: 'Changed a template',
  template_deleted: 'Deleted a template',
};
