// Test helper: opens the live socket, and waits (with a deadline) for a message or the close.
import WebSocket from 'ws';
import { LiveServerMessage } from '../../common/http/index.js';

export interface LiveConnection {
  socket: WebSocket;
  /** Resolves with the next server message matching `accept`, or rejects after `deadlineMs`. */
  next(accept: (message: LiveServerMessage) => boolean, deadlineMs?: number): Promise<LiveServerMessage>;
  closed: Promise<{ code: number }>;
}

export function openLive(baseUrl: string): Promise<LiveConnection> {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/v1/live`);
  const inbox: LiveServerMessage[] = [];
  const waiters: (() => void)[] = [];
  socket.on('message', (data) => {
    inbox.push(LiveServerMessage.parse(JSON.parse(String(data))));
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number }>((resolve) => socket.once('close', (code) => resolve({ code })));
  const next = (accept: (message: LiveServerMessage) => boolean, deadlineMs = 5_000): Promise<LiveServerMessage> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching live message before the deadline')), deadlineMs);
      const look = (): void => {
        const index = inbox.findIndex(accept);
        if (index >= 0) {
          clearTimeout(timer);
          resolve(inbox.splice(index, 1)[0]!);
        } else waiters.push(look);
      };
      look();
    });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, next, closed }));
    socket.once('error', reject);
  });
}
