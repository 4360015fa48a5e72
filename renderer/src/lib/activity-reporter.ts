// Tells the host the user is here (keyboard, pointer, wheel, touch) so the idle lock, which the
// engine decides, counts from the last input. At most one report per THROTTLE_MS: the lock is set in minutes.
import { desktopApi } from '../api/client.js';

export const ACTIVITY_THROTTLE_MS = 10_000;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/** Starts reporting; returns the function that stops it. */
export function reportUserActivity(target: Window = window, now: () => number = Date.now): () => void {
  let last = -Infinity;
  const onInput = () => {
    const at = now();
    if (at - last < ACTIVITY_THROTTLE_MS) return;
    last = at;
    void desktopApi()
      .reportActivity({})
      .catch(() => undefined); // a missed report only makes the lock come a little sooner
  };
  const options = { capture: true, passive: true };
  for (const name of INPUT_EVENTS) target.addEventListener(name, onInput, options);
  return () => INPUT_EVENTS.forEach((name) => target.removeEventListener(name, onInput, options));
}
