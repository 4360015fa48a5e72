// Queues email alerts inside the caller's write: one row per staff recipient who asked for alerts
// in that practice (and, for portal messages, who shows portal messages in their inbox), naming the message.
import { alertTargets, queueAlerts as insertAlerts } from '../../storage/queries/email-queue.js';
import type { WriteContext } from '../write-context.js';

export async function queueAlerts(
  ctx: WriteContext,
  practiceId: string,
  staffIds: string[],
  portal: boolean,
  messageId: string,
): Promise<void> {
  if (!ctx.alertsEnabled || staffIds.length === 0) return;
  const targets = await alertTargets(ctx.db, practiceId, staffIds, portal);
  if (targets.length === 0) return;
  await insertAlerts(ctx.db, targets, messageId, ctx.now());
  ctx.changes.alerts = true;
}
