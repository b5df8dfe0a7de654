import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium as the browser tests and the front-end bench run it: headless, and quiet on a
 * machine with no outside network. Playwright gives every launch a fresh profile (it refuses
 * `--user-data-dir` in these flags).
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Renderers' shared memory in /tmp rather than /dev/shm, which containers often cap at 64 MiB:
  // a renderer that cannot map its buffers dies (« Target crashed »).
  '--disable-dev-shm-usage',
];

/** `CHROMIUM_PATH`, or Debian's `/usr/bin/chromium`. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: [...CHROMIUM_FLAGS] });
}
