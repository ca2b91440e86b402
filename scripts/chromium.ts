/**
 * Launches Debian/Google Chromium with the unpacked Heads Up build loaded, through playwright-core.
 * Shared by `npm start` (scripts/start.ts) and the end-to-end tests (tests/e2e/browser.ts).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
/** The unpacked Chrome/Edge build that `npm run build` (wxt build) writes. */
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');

export function chromiumPath(): string {
  return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export interface LaunchOptions {
  /** Run without a window (`--headless=new`, which still runs extensions). */
  headless: boolean;
  /** Extra Chromium switches. */
  args?: string[];
  /** Browser locale and time zone (Heads Up picks help lines by region); default: the system's. */
  locale?: string;
  timezoneId?: string;
  /** Further unpacked extensions to load beside Heads Up (the page benchmark's reference reader). */
  alsoLoad?: string[];
}

export interface LaunchedBrowser {
  context: BrowserContext;
  /** The throw-away profile folder; removed by close(). */
  profileDir: string;
  /** Closes the browser (if still open) and deletes the profile. Safe to call twice. */
  close: () => Promise<void>;
}

export async function launchWithExtension(options: LaunchOptions): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}. Install it (Debian: apt-get install chromium) ` +
        'or set CHROME_PATH to a Chromium or Chrome binary.',
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No extension build in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }

  const profileDir = await mkdtemp(join(tmpdir(), 'heads-up-profile-'));
  const extensions = [EXTENSION_DIR, ...(options.alsoLoad ?? [])].join(',');
  const args = [
    `--disable-extensions-except=${extensions}`,
    `--load-extension=${extensions}`,
    '--no-first-run',
    '--no-default-browser-check',
    // Keep Chromium itself from phoning home (and from retrying forever on a closed network).
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    ...(options.headless ? ['--headless=new', '--disable-gpu'] : []),
    // Chromium's sandbox refuses to start as root; a normal user keeps it.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(options.args ?? []),
  ];

  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      // Extensions need the "headful" launch path; headless mode is chosen with --headless=new above.
      headless: false,
      viewport: options.headless ? { width: 1280, height: 800 } : null,
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      args,
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }

  let closed = false;
  return {
    context,
    profileDir,
    close: async () => {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
