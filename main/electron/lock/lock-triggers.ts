// What Electron reports to the engine's app lock: input (system-wide where the OS reports it reliably, and in the
// app's window everywhere: input-sources.ts), the OS screen lock and going to sleep. Separate from LockController
// so that stays free of Electron.
import { powerMonitor } from 'electron';
import { idleClock } from '../os-adapters.js';
import { inputSources, InputThrottle } from './input-sources.js';
import type { LockController } from './lock-controller.js';
import { SystemInputReporter } from './system-input-reporter.js';

export function watchForLockTriggers(
  lock: LockController,
  /** The window's webContents: its before-input-event is input in the app. */
  contents: { on(event: 'before-input-event', listener: () => void): unknown },
  onInput: () => void,
): { stop(): void } {
  const engage = () => lock.lock();
  powerMonitor.on('lock-screen', engage);
  powerMonitor.on('suspend', engage);
  const sources = inputSources(process.platform);
  const inApp = new InputThrottle(onInput);
  contents.on('before-input-event', () => inApp.input());
  const system = sources.systemIdle ? new SystemInputReporter(idleClock, onInput) : null;
  system?.start();
  return { stop: () => system?.stop() };
}
