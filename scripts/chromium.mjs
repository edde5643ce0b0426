// Finds a Chrome or Chromium for the test runner and the benchmark. On a fresh Debian/Ubuntu
// machine where we are root (CI), installs Debian's chromium, because no test tool can
// download its own browser here.
import { execSync, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function onPath(name) {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

function find() {
  if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    const found = onPath(name);
    if (found) return found;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

function isRootOnDebian() {
  return process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** @returns {string} the path of a Chrome or Chromium executable; exits the process when none can be had. */
export function ensureChromium() {
  const found = find();
  if (found) return found;
  if (isRootOnDebian()) {
    console.log('compassion-kit: no Chromium found; installing Debian\'s chromium with apt-get (one time)…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null', {
      stdio: 'inherit',
    });
    const installed = find();
    if (installed) return installed;
  }
  console.error(
    'compassion-kit: no Chrome or Chromium found. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) or set CHROME_PATH to its executable.',
  );
  process.exit(1);
}

/** Flags every headless run here needs (see shared TOOLCHAIN.md). */
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
