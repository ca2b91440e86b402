/**
 * One test server and one Chromium with the built extension per test file: started before the
 * file's tests, stopped after them. Fields are filled in by beforeAll.
 */
import { afterAll, beforeAll } from 'vitest';
import { startServer, type StaticServer } from '../../scripts/serve';
import { launchBrowser, US_READER, type ReaderOptions, type TestBrowser } from './browser';

export interface E2eSession {
  server: StaticServer;
  browser: TestBrowser;
}

export function useBrowserSession(reader: ReaderOptions = US_READER): E2eSession {
  const session = {} as E2eSession;
  beforeAll(async () => {
    session.server = await startServer();
    session.browser = await launchBrowser(reader);
  });
  afterAll(async () => {
    await session.browser?.cleanup();
    await session.server?.close();
  });
  return session;
}
