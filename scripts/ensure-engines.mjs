// Firefox ESR and WebKitGTK for the browser suite's other two engines (see
// test/support/browsers.mjs): found, or on a fresh Debian machine as root installed with
// apt-get, like Chromium in ensure-chromium.mjs.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { aptInstall, canAptInstall } from './apt-install.mjs';
import { PATHS } from '../test/support/browsers.mjs';

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

/** What each engine needs on the machine, and the Debian packages that bring it. */
const NEEDS = {
  firefox: { present: () => existsSync(PATHS.firefox), packages: ['firefox-esr'], hint: 'FIREFOX_PATH=/path/to/firefox' },
  webkit: {
    // Xvfb only when there is no display to show MiniBrowser on.
    present: () => existsSync(PATHS.webkitDriver) && existsSync(PATHS.webkitBrowser) && (!!process.env.DISPLAY || hasCommand('Xvfb')),
    packages: ['webkit2gtk-driver', 'xvfb'],
    hint: 'WEBKIT_DRIVER_PATH and WEBKIT_BROWSER_PATH (WebKitGTK MiniBrowser), plus Xvfb or a DISPLAY',
  },
};

/** Makes sure `engine` ('firefox' or 'webkit') can run; throws saying what to install otherwise. */
export function ensureEngine(engine, log = (line) => process.stderr.write(line + '\n')) {
  const need = NEEDS[engine];
  if (!need || need.present()) return;
  if (!canAptInstall()) {
    throw new Error(`${engine} is needed for the browser suite and was not found.\n  Debian/Ubuntu: sudo apt-get install -y ${need.packages.join(' ')}\n  Elsewhere: set ${need.hint}`);
  }
  aptInstall(need.packages, `${engine} not found`, log);
  if (!need.present()) throw new Error(`apt-get installed ${need.packages.join(', ')}, but ${engine} is still missing`);
}
