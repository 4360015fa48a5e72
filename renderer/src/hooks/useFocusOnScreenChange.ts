// Keyboard and screen-reader users land on the new screen's heading when the screen changes,
// unless focus is still somewhere meaningful (e.g. the message list).
import { useEffect, useRef } from 'react';
import { useRouteStore } from '../stores/route-store.js';

export function useFocusOnScreenChange(mainId: string): void {
  const screen = useRouteStore((s) => s.route.name);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const heading = document.querySelector<HTMLElement>(`#${mainId} h1`);
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
  }, [screen, mainId]);
}
