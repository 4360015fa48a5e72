// Windows toasts that still work from the Action Center: a click there does not reach a running app's
// Notification object (electron#29461), so the toast launches our practice-messenger:// link instead (protocol
// activation) and the single-instance handover opens the message, whether the app still runs or not.

const escapeXml = (text: string) =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

export function windowsToastXml(title: string, body: string, launchUrl: string | null): string {
  const activation = launchUrl ? ` launch="${escapeXml(launchUrl)}" activationType="protocol"` : '';
  return [
    `<toast${activation}>`,
    '<visual><binding template="ToastGeneric">',
    `<text>${escapeXml(title)}</text>`,
    body ? `<text>${escapeXml(body)}</text>` : '',
    '</binding></visual>',
    '</toast>',
  ].join('');
}
