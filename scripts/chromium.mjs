import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Chrome or Chromium for the tests: `CHROME_PATH`, else the first one installed. */
export function chromiumPath() {
  const found = process.env.CHROME_PATH || CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error('Chromium not found. Install it (Debian: apt-get install chromium) or set CHROME_PATH to a Chrome/Chromium binary.');
  }
  return found;
}

/** Flags for headless runs as root on a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];
