/**
 * Renders assets/icon.svg to public/icon/<size>.png (the sizes WXT puts in the manifest) with
 * headless Chromium. Run after changing the SVG: `npx tsx scripts/make-icons.ts`, then commit the PNGs.
 * Uses CHROME_PATH or /usr/bin/chromium; loads nothing from the network.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumPath, ROOT } from './chromium';

const SIZES = [16, 32, 48, 96, 128] as const;

async function main(): Promise<void> {
  const svg = await readFile(join(ROOT, 'assets', 'icon.svg'), 'utf8');
  const source = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
  const outDir = join(ROOT, 'public', 'icon');
  await mkdir(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--disable-background-networking', '--disable-component-update', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
  });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent">` +
          `<img id="icon" alt="" src="${source}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('#icon').evaluate((img: HTMLImageElement) => img.decode());
      const file = join(outDir, `${size}.png`);
      await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
      await page.close();
      console.log(`wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
