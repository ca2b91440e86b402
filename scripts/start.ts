/**
 * `npm start`: builds the extension (in package.json), serves the demo chat on 127.0.0.1 and opens
 * it in Chromium with Heads Up loaded, in a throw-away profile.
 *
 * With a display it waits until you close the browser (or press Ctrl+C). Without one (a server,
 * CI) or with `npm start -- --headless`, it runs headless, waits for the Heads Up panel to appear
 * on the demo chat, saves a screenshot to test-results/demo.png and exits.
 */
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { startServer } from './serve';
import { launchWithExtension, ROOT, type LaunchedBrowser } from './chromium';

const PANEL_DIALOG = 'heads-up-panel [role="dialog"]';

function hasDisplay(): boolean {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<number> {
  const headless = process.argv.includes('--headless') || !hasDisplay();
  const server = await startServer();
  const demoUrl = `${server.url}/demo/`;
  let browser: LaunchedBrowser | undefined;

  const cleanUp = async () => {
    await browser?.close();
    await server.close();
  };
  const onSignal = () => {
    console.log('\nClosing the browser…');
    cleanUp().finally(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    browser = await launchWithExtension({ headless });
    const { context } = browser;
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(demoUrl);

    if (!headless) {
      console.log(`Heads Up demo chat: ${demoUrl}`);
      console.log('The conversation plays by itself; press Replay to see it again.');
      console.log('Close the browser window or press Ctrl+C to stop.');
      await new Promise<void>((done) => context.once('close', () => done()));
      return 0;
    }

    console.log(`No display found: running headless against ${demoUrl}`);
    const outDir = join(ROOT, 'test-results');
    await mkdir(outDir, { recursive: true });
    const shot = join(outDir, 'demo.png');
    let found = true;
    try {
      await page.locator(PANEL_DIALOG).waitFor({ state: 'visible', timeout: 30_000 });
      // Let the panel's entrance settle before the picture.
      await page.waitForTimeout(400);
    } catch {
      found = false;
    }
    await page.screenshot({ path: shot });
    const where = relative(process.cwd(), shot) || shot;
    if (!found) {
      console.error(`The Heads Up panel did not appear on the demo chat. Screenshot of the page: ${where}`);
      return 1;
    }
    console.log(`The Heads Up panel appeared on the demo chat. Screenshot: ${where}`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanUp();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
