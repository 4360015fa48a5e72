// The words for the unread count: tray tooltip, tray menu line and the taskbar overlay's
// accessible description. Exact counts here (the icon says "99+"; screen readers get the number).

export function unreadSentence(count: number): string {
  if (count <= 0) return 'No unread messages';
  return count === 1 ? '1 unread message' : `${count} unread messages`;
}

export function trayTooltip(appName: string, count: number): string {
  return `${appName} - ${unreadSentence(count)}`;
}
