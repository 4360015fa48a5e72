// The unread badge as text: "" for none, "1".."99", then "99+". Shared with the Electron host.
export function badgeText(unread: number): string {
  if (!Number.isFinite(unread) || unread <= 0) return '';
  return unread > 99 ? '99+' : String(Math.floor(unread));
}
