// The app's log file: what console.* prints (the engine and the hosts log ids and error codes only) goes to a
// rotating file as well. electron-log writes it; Electron passes electron-log/main, tests electron-log/node.
import type { NodeLogger } from 'electron-log';

/** One log file of at most this size, plus the previous one (main.old.log): enough for IT, never unbounded. */
export const LOG_MAX_BYTES = 5 * 1024 * 1024;

export function startFileLog(logger: NodeLogger, file: string, options: { echo: boolean }): void {
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = LOG_MAX_BYTES;
  logger.transports.file.level = 'info';
  logger.transports.file.format = '[{iso}] [{level}] {text}';
  // In a packaged app nobody reads stdout; in development keep the terminal output.
  logger.transports.console.level = options.echo ? 'info' : false;
  Object.assign(console, logger.functions);
}
