// How Playwright launches Chromium here: Debian's /usr/bin/chromium (or CHROMIUM_PATH) when installed, with the
// flags a closed-network, root-run CI machine needs; elsewhere Playwright's own browser.
import { existsSync } from 'node:fs';

export const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => !!path && existsSync(path),
);

export function chromiumLaunchOptions(): { executablePath?: string; args?: string[] } {
  if (!systemChromium) return {};
  return {
    executablePath: systemChromium,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
