// Launching and killing Chromium for the durability suite: a persistent profile per trial, no
// network but 127.0.0.1, and a real SIGKILL. Every browser started here is remembered so that an
// interrupted run still kills it.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../chromium.mjs';

let executablePath;
const running = new Set();
const profiles = new Set();

const ARGS = [
  ...CHROMIUM_ARGS,
  // No network but the test server: every host name fails to resolve; 127.0.0.1 needs no resolving.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  '--no-default-browser-check',
  '--no-pings',
  '--window-size=1000,900',
];

/** A fresh, empty profile folder for one trial. */
export async function newProfile() {
  const dir = await mkdtemp(join(tmpdir(), 'ck-durability-profile-'));
  profiles.add(dir);
  return dir;
}

export async function removeProfile(dir) {
  profiles.delete(dir);
  await rm(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
}

/** Launches Chromium on `profile` (a persistent user data dir). */
export async function launch(profile) {
  executablePath ??= ensureChromium();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: ARGS,
    timeout: 30_000,
    protocolTimeout: 30_000,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    defaultViewport: { width: 1000, height: 900 },
  });
  const child = browser.process();
  if (child) {
    running.add(child);
    child.once('exit', () => running.delete(child));
  }
  return browser;
}

function exited(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** True while a process of group `pgid` is still running (zombies waiting to be reaped do not count). */
function groupAlive(pgid) {
  if (process.platform !== 'linux') {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …: comm may hold spaces, so read after its closing parenthesis.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
  }
  return false;
}

/** Waits until no process of the group `child` leads is left (so nothing writes into its profile any more). */
async function groupGone(child, ms = 5000) {
  const end = Date.now() + ms;
  while (groupAlive(child.pid)) {
    if (Date.now() > end) return false;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return true;
}

function killGroup(child) {
  // puppeteer starts Chromium detached, so its pid leads a process group holding the renderers,
  // the GPU and utility processes: end all of them, not only the browser process.
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    /* already gone */
  }
}

/** Kills the browser for real: SIGKILL to the browser process, then to anything left of its group. */
export async function kill(browser) {
  const child = browser.process();
  if (!child) return;
  child.kill('SIGKILL');
  killGroup(child);
  await exited(child, 5000);
  await groupGone(child);
  browser.disconnect().catch(() => {});
}

/** Closes the browser the ordinary way (it writes what it holds to disk); kills it if that takes too long. */
export async function close(browser) {
  const child = browser.process();
  await Promise.race([browser.close().catch(() => {}), new Promise((r) => setTimeout(r, 10_000))]);
  if (!child) return;
  await exited(child, 5000);
  // Whatever of the group outlives the browser process (a renderer, a utility process) goes too.
  killGroup(child);
  await groupGone(child);
}

/** Kills every browser still running and removes every profile (after a failure or Ctrl+C). */
export async function cleanUpAll() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
    killGroup(child);
    await groupGone(child);
  }
  running.clear();
  await Promise.all([...profiles].map((dir) => removeProfile(dir)));
}

/** Synchronous last resort for process exit. */
export function killAllNow() {
  for (const child of running) killGroup(child);
}
