/**
 * End-to-end helper: a fresh headless Chromium with the built extension, plus a log of every
 * network request the browser's pages and the extension's service worker make.
 */
import type { BrowserContext, Worker } from 'playwright-core';
import { launchWithExtension } from '../../scripts/chromium';

export interface TestBrowser {
  context: BrowserContext;
  /** The extension's id (the host of its chrome-extension:// URLs). */
  extensionId: string;
  serviceWorker: Worker;
  /** URL of every request seen so far, from pages and service workers, in order. */
  requests: string[];
  cleanup: () => Promise<void>;
}

export interface ReaderOptions {
  /** Browser UI language (`--lang`), which the extension's own strings follow. */
  lang: string;
  /** Page locale (navigator.language), from which the help lines' region is read. */
  locale: string;
  timezoneId: string;
}

/** By default a reader in the United States: the panel lists the US help lines the tests look for. */
export const US_READER: ReaderOptions = { lang: 'en-US', locale: 'en-US', timezoneId: 'America/New_York' };
export const MEXICO_READER: ReaderOptions = { lang: 'es', locale: 'es-MX', timezoneId: 'America/Mexico_City' };

export async function launchBrowser(reader: ReaderOptions = US_READER): Promise<TestBrowser> {
  // On a loaded 2-core machine Chromium now and then starts the extension's worker late; one
  // more fresh launch is cheaper than a flaky suite (a second failure still fails the suite).
  try {
    return await launchOnce(reader);
  } catch (error) {
    console.warn(`Retrying the browser launch: ${String(error)}`);
    return launchOnce(reader);
  }
}

async function launchOnce(reader: ReaderOptions): Promise<TestBrowser> {
  const launched = await launchWithExtension({
    headless: true,
    locale: reader.locale,
    timezoneId: reader.timezoneId,
    args: [
      `--lang=${reader.lang}`,
      // A safety net for machines with a network: names other than 127.0.0.1 do not resolve.
      // Requests are still issued (and logged below), so the "nothing leaves" test can still fail.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
  const { context } = launched;
  const requests: string[] = [];
  // Context-level events include requests made by service workers (the extension's background).
  context.on('request', (request) => requests.push(request.url()));

  try {
    const serviceWorker =
      context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 25_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    return { context, extensionId, serviceWorker, requests, cleanup: launched.close };
  } catch (error) {
    await launched.close();
    throw new Error(`The Heads Up extension did not start its service worker: ${String(error)}`);
  }
}

/** Requests that left the browser for somewhere other than the local test server. */
export function requestsOutside(requests: readonly string[], serverUrl: string): string[] {
  const origin = new URL(serverUrl).origin;
  return requests.filter((url) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'chrome-extension:' || parsed.protocol === 'data:' || parsed.protocol === 'blob:') {
      return false;
    }
    return parsed.origin !== origin;
  });
}
