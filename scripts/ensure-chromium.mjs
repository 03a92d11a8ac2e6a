// Finds a Chromium for the browser and end-to-end tests; on a fresh Debian machine as root,
// installs Debian's `chromium` package. Prints the path on success.
import { existsSync } from 'node:fs';
import { aptInstall, canAptInstall } from './apt-install.mjs';

const CANDIDATES = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((p) => p && existsSync(p)) ?? null;
}

export function ensureChromium({ log = (line) => process.stderr.write(line + '\n') } = {}) {
  const found = findChromium();
  if (found) return found;
  if (!canAptInstall()) {
    throw new Error(
      'Chromium is needed for the browser tests and was not found.\n' +
        '  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium\n' +
        '  Elsewhere: install Chromium or Chrome and set CHROME_PATH=/path/to/chrome',
    );
  }
  aptInstall(['chromium'], 'Chromium not found', log);
  const installed = findChromium();
  if (!installed) throw new Error('apt-get installed chromium, but no binary was found at /usr/bin/chromium');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
