// The three engines of the browser suite, from Debian's packages and without downloads:
//   chromium  Debian's `chromium` through puppeteer-core (CHROME_PATH)
//   firefox   Debian's `firefox-esr` through puppeteer-core over WebDriver BiDi (FIREFOX_PATH)
//   webkit    WebKitGTK's MiniBrowser through `WebKitWebDriver` (WebDriver classic) on a virtual
//             X display (Xvfb) when there is none (WEBKIT_DRIVER_PATH, WEBKIT_BROWSER_PATH)
// `WTR_BROWSER` picks one per run of web-test-runner; scripts/test.mjs runs each in turn.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

/** Where Debian puts each engine. */
export const PATHS = {
  chromium: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
  webkitDriver: process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver',
  webkitBrowser: process.env.WEBKIT_BROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
};

const children = [];
process.once('exit', () => children.forEach((child) => child.kill()));

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `command` and resolves once `ready(output)` is true for what it printed so far. */
function startChild(command, args, env, ready, what) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${output}`)), 15_000);
    const onData = (chunk) => {
      output += chunk;
      if (ready(output)) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (error) => reject(new Error(`${what}: ${error.message}`)));
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}): ${output}`)));
  });
}

/** A display for MiniBrowser: the current one, or a fresh Xvfb (it has no headless mode). */
async function display() {
  if (process.env.DISPLAY) return process.env.DISPLAY;
  // -displayfd 1: Xvfb picks a free display number and prints it when ready.
  const { output } = await startChild('Xvfb', ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], process.env, (out) => /^\d+\s*$/m.test(out), 'Xvfb');
  return `:${output.trim().split(/\s+/)[0]}`;
}

/** The WebKitGTK driver on a free port, on a display. */
async function webkitDriver() {
  const port = await freePort();
  // US English, as the other engines run: with the POSIX locale MiniBrowser reports the
  // language "C" and orders date fields by it.
  const env = { ...process.env, DISPLAY: await display(), LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' };
  const child = spawn(PATHS.webkitDriver, [`--port=${port}`, '--host=127.0.0.1'], { env, stdio: 'ignore' });
  children.push(child);
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited (${child.exitCode})`);
    const ok = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (ok) return port;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('WebKitWebDriver did not answer on its port');
}

/**
 * WebKitWebDriver drops a key pressed again right after itself within one action sequence
 * (typing "aab" gives "ab"), so `sendKeys({ type })` goes to it in runs without such a pair.
 */
function typesRepeatedKeysApart(launcher) {
  const send = launcher.sendKeys.bind(launcher);
  launcher.sendKeys = async (sessionId, keys) => {
    let run = [];
    for (const key of keys) {
      if (run.length > 0 && run.at(-1) === key) {
        await send(sessionId, run);
        run = [];
      }
      run.push(key);
    }
    if (run.length > 0) await send(sessionId, run);
  };
  return launcher;
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The web-test-runner launcher of `engine`. */
export async function launcherFor(engine) {
  switch (engine) {
    case 'chromium':
      return chromeLauncher({ launchOptions: { executablePath: PATHS.chromium, headless: true, args: CHROMIUM_ARGS } });
    case 'firefox':
      // puppeteer-core as the "custom puppeteer": the launcher is then named after the browser.
      return chromeLauncher({
        puppeteer,
        launchOptions: { browser: 'firefox', executablePath: PATHS.firefox, headless: true, protocolTimeout: 60_000 },
      });
    case 'webkit': {
      const port = await webkitDriver();
      return typesRepeatedKeysApart(webdriverLauncher({
        automationProtocol: 'webdriver',
        hostname: '127.0.0.1',
        port,
        logLevel: 'error',
        connectionRetryTimeout: 60_000,
        capabilities: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: PATHS.webkitBrowser, args: ['--automation'] },
          // This WebKitGTK has no WebDriver BiDi, which webdriverio 9 asks for by default.
          'wdio:enforceWebDriverClassic': true,
        },
      }));
    }
    default:
      throw new Error(`WTR_BROWSER=${engine}: expected one of ${ENGINES.join(', ')}`);
  }
}
