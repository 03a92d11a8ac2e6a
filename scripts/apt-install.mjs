// Installs Debian packages the tests need, on a fresh Debian machine as root; elsewhere says
// what to install instead. Used for Chromium (browser tests) and redis-server (shared-state tests).
import { execFileSync, spawnSync } from 'node:child_process';

/** True when missing packages can be installed here (root with apt-get). */
export function canAptInstall() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return isRoot && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** `apt-get update` then `apt-get install -y` of `packages`, saying why first. */
export function aptInstall(packages, why, log = (line) => process.stderr.write(line + '\n')) {
  log(`${why}: installing Debian package${packages.length > 1 ? 's' : ''} ${packages.join(', ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

/** Makes sure `redis-server` is here when it can be installed; the tests that need it skip otherwise, saying so. */
export function ensureRedisServer() {
  if (spawnSync('sh', ['-c', 'command -v redis-server'], { stdio: 'ignore' }).status === 0) return;
  if (canAptInstall()) aptInstall(['redis-server'], 'redis-server not found');
  else process.stderr.write('redis-server not found: the multi-instance tests will be skipped (Debian/Ubuntu: sudo apt-get install -y redis-server)\n');
}
