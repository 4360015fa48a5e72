// While the user's own send is on its way (the engine answers after its first delivery attempt), the window
// does not re-read what it shows: a re-read then would draw the message as "waiting to be delivered" for
// the few milliseconds the server takes. The re-read it skipped runs when the send is answered.
let sending = 0;
let skipped: (() => void) | null = null;

export async function whileSending<T>(send: () => Promise<T>): Promise<T> {
  sending++;
  try {
    return await send();
  } finally {
    sending--;
    const missed = sending === 0 ? skipped : null;
    if (missed) {
      skipped = null;
      missed();
    }
  }
}

/** False (and `refresh` is remembered for later) while a send is on its way. */
export function mayRefreshNow(refresh: () => void): boolean {
  if (sending === 0) return true;
  skipped = refresh;
  return false;
}
