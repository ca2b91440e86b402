/**
 * A tiny static file server for the demo chat and the end-to-end test pages.
 *
 * It listens on 127.0.0.1 only (never on a public interface), uses nothing but node:http, and
 * records the path of every request it receives so tests can check that the browser fetched
 * nothing unexpected.
 *
 *   /               -> redirects to /demo/
 *   /demo/...       -> files in demo/
 *   /test/...       -> files in tests/e2e/pages/
 *
 * Run directly to serve by hand: `npx tsx scripts/serve.ts [port]`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** URL prefix -> folder on disk. */
const MOUNTS: Record<string, string> = {
  '/demo/': join(ROOT, 'demo'),
  '/test/': join(ROOT, 'tests', 'e2e', 'pages'),
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request path (with query string) the server received, in order. */
  requests: string[];
  close: () => Promise<void>;
}

/** Maps a request path to a file inside one of the mounts, or null when it falls outside them. */
function resolveFile(pathname: string): string | null {
  for (const [prefix, dir] of Object.entries(MOUNTS)) {
    if (!pathname.startsWith(prefix)) continue;
    let rest: string;
    try {
      rest = decodeURIComponent(pathname.slice(prefix.length));
    } catch {
      return null;
    }
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const file = resolve(dir, rest);
    // Refuse anything that escapes the mounted folder (../, encoded or not).
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    return file;
  }
  return null;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed\n');
  const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (pathname === '/' || pathname === '/demo') {
    res.writeHead(302, { location: '/demo/' });
    res.end();
    return;
  }
  const file = resolveFile(pathname);
  if (!file) return send(res, 404, 'Not found\n');
  try {
    const info = await stat(file);
    if (!info.isFile()) return send(res, 404, 'Not found\n');
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    send(res, 404, 'Not found\n');
  }
}

/** Starts the server on 127.0.0.1; port 0 (the default) picks a free port. */
export function startServer(port = 0): Promise<StaticServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    handle(req, res).catch(() => send(res, 500, 'Internal error\n'));
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        url: `http://127.0.0.1:${actual}`,
        requests,
        close: () =>
          new Promise<void>((done, fail) => {
            if (!server.listening) return done();
            server.closeAllConnections();
            server.close((err) => (err ? fail(err) : done()));
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 0);
  const server = await startServer(Number.isInteger(port) ? port : 0);
  console.log(`Serving the demo at ${server.url}/demo/ and test pages at ${server.url}/test/ (Ctrl+C stops)`);
}
