/**
 * Bundle sizes of the built Chrome extension (.output/chrome-mv3): the content script, and the JS
 * each page loads (its own script plus the chunks its HTML links), minified as built and gzipped
 * (level 9, what stores and browsers see on disk is the minified size; gzip is the transfer-like size).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../scripts/chromium';

export interface Size {
  files: string[];
  minKB: number;
  gzipKB: number;
}

export interface SizeResult {
  content: Size;
  pages: Record<string, Size>;
}

function measure(files: string[]): Size {
  let min = 0;
  let gz = 0;
  for (const f of files) {
    const body = readFileSync(join(EXTENSION_DIR, f));
    min += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files, minKB: min / 1000, gzipKB: gz / 1000 };
}

/** Scripts an HTML page loads: <script src> and <link rel="modulepreload">, relative to the build. */
function scriptsOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+)"/g)) {
    out.push(m[1]!.replace(/^\//, ''));
  }
  return [...new Set(out)];
}

export function runSize(): SizeResult {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('no build in .output/chrome-mv3');
  const pages: Record<string, Size> = {};
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { background?: { service_worker?: string } };
  if (manifest.background?.service_worker) pages.background = measure([manifest.background.service_worker]);
  for (const f of readdirSync(EXTENSION_DIR).filter((f) => f.endsWith('.html')).sort()) {
    pages[f.replace(/\.html$/, '')] = measure(scriptsOf(readFileSync(join(EXTENSION_DIR, f), 'utf8')));
  }
  return { content: measure(['content-scripts/content.js']), pages };
}
