// Domain types the renderer needs, derived from the desktop contract (lint keeps common/http out of
// the renderer, so they come through common/desktop rather than being written again).
import type { DesktopArgs, MessageView } from '../../../common/desktop/index.js';

export type Message = MessageView['message'];
export type MailboxState = MessageView['state'];
export type Attachment = Message['attachments'][number];
export type StatePatch = DesktopArgs<'setMessageState'>['patch'];
export type AttachmentRef = NonNullable<DesktopArgs<'reply'>['attachments']>[number];
/** How a reply is addressed, and whether it takes over a portal thread someone else owns. */
export type ReplyOptions = Pick<DesktopArgs<'reply'>, 'mode' | 'takeOver' | 'priority'>;
