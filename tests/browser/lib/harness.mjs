// Browser-test harness: builds the demo page (web/) with Vite, serves it with `vite preview`
// (the same CSP headers as scripts/serve-demo.sh) and drives Debian's Chromium with playwright-core.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const WEB = join(ROOT, 'web');
export const SHARED = resolve(ROOT, '..', 'shared');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');
const VITE = join(WEB, 'node_modules', 'vite', 'bin', 'vite.js');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// playwright-core is a dependency of web/, not of the package itself.
const { chromium } = createRequire(join(WEB, 'package.json'))('playwright-core');

/** Reasons the browser tests cannot run here, or null. */
export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(VITE)) missing.push('web/node_modules (run scripts/setup.sh: npm ci in web/)');
  if (!existsSync(join(ROOT, 'dist'))) missing.push('dist/ (the package: run scripts/build.sh wasm)');
  if (!existsSync(CHROMIUM)) missing.push(`${CHROMIUM} (apt-get install chromium)`);
  if (!existsSync(join(SHARED, 'bench', 'gen.mjs'))) missing.push(`${SHARED}/bench`);
  return missing.length ? missing : null;
}

/** vite build of web/ (always: the page must show the package and size report just built). */
export function buildPage() {
  const r = spawnSync(process.execPath, [VITE, 'build', '--logLevel', 'warn'], { cwd: WEB, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`vite build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout + r.stderr;
}

function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

/** Starts `vite preview` on a free loopback port; resolves to { url, stop() }. */
export async function startPreview() {
  const port = await freePort();
  const child = spawn(process.execPath, [VITE, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: WEB, stdio: ['ignore', 'pipe', 'pipe'] });
  // never outlive this process (a failed or interrupted test run)
  const reap = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
  process.once('exit', reap);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { reap(); process.exit(130); });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; });
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited (${child.exitCode}):\n${log}`);
    try { if ((await fetch(url)).ok) break; } catch { /* not listening yet */ }
    if (Date.now() > deadline) { child.kill(); throw new Error(`vite preview did not answer on ${url}:\n${log}`); }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () => new Promise((res) => { if (child.exitCode !== null) return res(); child.once('exit', res); child.kill('SIGTERM'); }),
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A page that records console errors, uncaught exceptions and CSP violations (also from workers:
 * Chromium reports them on the console), in `problems`.
 */
export async function newWatchedPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('worker', (w) => w.on('console', (m) => { if (m.type() === 'error') problems.push(`worker console: ${m.text()}`); }));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.addInitScript(() => {
    self.__csp = [];
    self.addEventListener('securitypolicyviolation', (e) => self.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { context, page, problems };
}

export async function screenshot(locator, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await locator.screenshot({ path });
  return path;
}
