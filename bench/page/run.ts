/**
 * Page cost in real Chromium: one browser session with the built extension and a reference
 * reader (bench/page/reference: a MutationObserver and a TreeWalker over added nodes, the least an
 * extension that reads new messages can do); the same chat page is served on three loopback
 * addresses. 127.0.0.1 matches Heads Up's content script (`http://127.0.0.1/*`), 127.0.0.2
 * matches nothing, 127.0.0.3 only the reference reader, so all three kinds of run happen in the
 * same browser, in rotating order after one uncounted warm-up run of each. Each run is a fresh
 * tab that appends the messages in bursts.
 *
 * - Main-thread cost: DevTools `Performance.getMetrics` ScriptDuration and TaskDuration, read just
 *   before and after the bursts; the extension's share is the difference of the medians, and so is
 *   the reference reader's.
 * - Heads Up against the reference reader: each run's CPU profile gives the time spent in each
 *   extension's own frames; their ratio turns the issue's absolute target into one this machine's
 *   speed cannot distort (a difference of script-time medians is too noisy for it).
 * - Long tasks: a PerformanceObserver('longtask') on the page; counted in both kinds of run.
 * - Heap: `JSHeapUsedSize` after a forced GC at the end of each run (the page and the content
 *   script's isolated world share one V8 heap, so the extension's share is the difference).
 * - Watcher batches: lib/watch's stats object, read in the extension's isolated world.
 */
import type { WatchStats } from '../../lib/watch/message-watcher';
import { createServer, type Server } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from 'playwright-core';
import { launchWithExtension } from '../../scripts/chromium';
import { generateMessages, pick, rng } from '../corpus';
import { endTrace, extensionCalls, startTrace } from './trace';

const HERE = fileURLToPath(new URL('.', import.meta.url));
export const PAGE_SEED = 5000;

export interface PageOptions {
  messages: number;
  history: number;
  /** Runs of each kind (with and without the extension). */
  rounds: number;
  log: (line: string) => void;
}

/** Heads Up's content script, no extension, or the reference reader. */
type Kind = 'with' | 'without' | 'reference';
const HOSTS: Record<Kind, string> = { with: '127.0.0.1', without: '127.0.0.2', reference: '127.0.0.3' };
const REFERENCE_DIR = join(HERE, 'reference');

interface RunResult {
  kind: Kind;
  scriptMs: number;
  taskMs: number;
  heapMB: number;
  longTasks: { start: number; duration: number }[];
  appendMs: number;
  wallMs: number;
  /** The watcher's own cost counters (lib/watch), nodes aside. */
  watch?: Omit<WatchStats, 'nodes'>;
  /** Long tasks that contain a watcher pass of 50 ms or more. */
  extensionLongTasks: number;
  contentStartAt?: number;
  domContentLoadedAt: number;
  /**
   * Sampled CPU time with a content-script frame (Heads Up's or the reference reader's) on the
   * stack during the bursts: natives it calls and promise microtasks included, which
   * ScriptDuration leaves out; the profiler's overhead too, so compare only profiled runs with each
   * other. Undefined in runs without an extension.
   */
  profiledMs?: number;
  /** Reference runs: messages the reference reader read during the bursts. */
  referenceMessages?: number;
}

export interface PageResult {
  messages: number;
  rounds: number;
  /** Added main-thread script time per 1,000 messages (median with minus median without). */
  pageMsPer1000: number;
  /** The same for the reference reader (a MutationObserver and a TreeWalker, nothing else). */
  referenceMsPer1000: number;
  /** Messages the reference reader read per run (median): it must have seen the bursts. */
  referenceMessages: number;
  /** Sampled time with an extension frame on the stack per 1,000 messages (median): Heads Up's and the reference reader's. */
  profiledMsPer1000: number;
  referenceProfiledMsPer1000: number;
  /** Same with whole-task time (script, style, layout, GC...). */
  taskMsPer1000: number;
  /** The watcher's own pass time per 1,000 messages (median over runs), measured inside the extension. */
  watcherMsPer1000: number;
  /** Part of it in onMessages: matching, risk and panel (only the hand-off if onMessages queues work). */
  watcherScanMsPer1000: number;
  /** When onMessages returns a promise: pass start to settling, per 1,000 messages (null otherwise). */
  watcherSettledMsPer1000: number | null;
  /** Largest pass-to-settled time (a batch including its queued matching), or null. */
  maxSettledMs: number | null;
  pageOwnScriptMsPer1000: number;
  /**
   * Long tasks attributed to the extension, conservatively: long tasks seen in the runs with it from
   * its content script's start on, minus those seen in the runs without it from the same moment on
   * (never below 0). On a busy machine this includes page tasks pushed over 50 ms by the
   * extension's added work, and plain noise.
   */
  longTasks: number;
  /** Long tasks in the runs with the extension that ended before its content script started. */
  longTasksBeforeContentScript: number;
  /** The strict attribution: long tasks that contain a watcher pass of 50 ms or more. */
  longTasksWithWatcherPass: number;
  /** All long tasks the page saw, with and without the extension (the machine's own noise shows here). */
  longTasksWith: number;
  longTasksWithout: number;
  /** Watcher passes over 8 ms, over all runs. */
  slowPasses: number;
  longestTaskMs: number;
  heapMB: number;
  heapWithMB: number;
  heapWithoutMB: number;
  maxBatchMs: number;
  maxBatchMessages: number;
  passesPerRun: number;
  firstScanMs: number;
  watcherStartMs: number;
  domContentLoadedMs: number;
  contentStartToFirstScanMs: number | null;
  /**
   * The same on the first chat page after the browser started, when the extension's background has
   * just started too (an MV3 service worker also restarts after 30 idle seconds): it must read the
   * compiled packs before it can answer (rules/shipped-matcher.ts).
   */
  firstPageContentStartToFirstScanMs: number | null;
}

/** The feed the page appends: generated from the seed, served as a script (never stored). */
function feedScript(messages: number, history: number): string {
  const r = rng(PAGE_SEED);
  const authors = ['mika', 'Jay', 'zoe_plays', 'Nico', 'sam2011', 'river', 'KAI', 'lumen', 'pixelfox', 'ari'];
  const list = generateMessages(PAGE_SEED, messages + history).map((m) => ({ ...m, author: pick(r, authors) }));
  // Bursts of 1-40 messages (mostly small, sometimes a flood) every 3-25 ms: a very busy channel,
  // about 600 messages a second, so a run takes seconds. The page keeps the newest 300 in the DOM.
  const bursts = Array.from({ length: 997 }, () => (r() < 0.8 ? 1 + Math.floor(r() * 8) : 10 + Math.floor(r() * 31)));
  const gaps = Array.from({ length: 991 }, () => 3 + Math.floor(r() * 23));
  return `window.FEED = ${JSON.stringify({ history, keep: 300, messages: list, bursts, gaps })};\n`;
}

function serve(host: string, feed: string): Promise<{ server: Server; url: string }> {
  const files: Record<string, [string, string]> = {
    '/': [readFileSync(join(HERE, 'index.html'), 'utf8'), 'text/html; charset=utf-8'],
    '/chat.js': [readFileSync(join(HERE, 'chat.js'), 'utf8'), 'text/javascript; charset=utf-8'],
    '/feed.js': [feed, 'text/javascript; charset=utf-8'],
  };
  const server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(file[0]);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://${host}:${port}/` });
    });
  });
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function gc(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
}

/** Evaluate in the extension's isolated world of the page's main frame. */
async function inExtensionWorld(cdp: CDPSession, contexts: Map<number, string>, expression: string): Promise<unknown> {
  for (const [id, origin] of contexts) {
    if (!origin.startsWith('chrome-extension://')) continue;
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: id, returnByValue: true });
    if (r.result.value !== undefined) return r.result.value;
  }
  return undefined;
}

async function oneRun(page: Page, cdp: CDPSession, url: string, kind: Kind, messages: number): Promise<RunResult> {
  const extension = kind === 'with';
  const contexts = new Map<number, string>();
  cdp.on('Runtime.executionContextCreated', (e) => {
    const aux = e.context.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated') contexts.set(e.context.id, e.context.origin || e.context.name);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await page.goto(url, { waitUntil: 'load' });
  const statsExpr = 'JSON.stringify(globalThis.__headsUpWatchStats ?? null)';
  let watchBefore: RunResult['watch'] | undefined;
  if (extension) {
    // Wait until the content script has started and read the history.
    const until = Date.now() + 15_000;
    for (;;) {
      const raw = (await inExtensionWorld(cdp, contexts, statsExpr)) as string | undefined;
      const s = raw ? (JSON.parse(raw) as RunResult['watch']) : undefined;
      if (s && s.firstScanAt >= 0) {
        watchBefore = s;
        break;
      }
      if (Date.now() > until) throw new Error(`the content script did not start on ${url}`);
      await page.waitForTimeout(50);
    }
  }
  const referenceExpr = 'globalThis.__referenceReaderStats?.messages ?? -1';
  let referenceBefore = 0;
  if (kind === 'reference') {
    // The reference reader starts at document_idle too; it has no history pass to wait for.
    const until = Date.now() + 15_000;
    while ((referenceBefore = Number(await inExtensionWorld(cdp, contexts, referenceExpr))) < 0 || Number.isNaN(referenceBefore)) {
      if (Date.now() > until) throw new Error(`the reference reader did not start on ${url}`);
      await page.waitForTimeout(50);
    }
  }
  await page.waitForTimeout(300);
  await gc(cdp);
  const before = await metrics(cdp);
  // Every run is profiled, each kind alike: the sampled time of the extension's own frames is the
  // direct measure of its cost (ScriptDuration differences carry the page's own run-to-run swing,
  // as large as the reference reader's whole cost). BENCH_PROFILE=1 keeps the profiles and prints
  // Heads Up's heaviest functions.
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: PROFILE_INTERVAL_US });
  await cdp.send('Profiler.start');
  const tracing = extension && process.env.BENCH_TRACE === '1';
  if (tracing) await startTrace(cdp);
  const out = (await page.evaluate('window.benchRun()')) as { appendMs: number; wallMs: number };
  const after = await metrics(cdp);
  const { profile } = await cdp.send('Profiler.stop');
  if (tracing) {
    const events = await endTrace(cdp);
    keep(`page-${kind}-${Date.now()}.trace.json`, events);
    const calls = extensionCalls(events);
    const fmt = (ms: number | undefined) => (ms === undefined ? 'n/a' : ms.toFixed(1));
    console.log(`    longest calls into the content script (wall / thread CPU ms): ${calls.slice(0, 8).map((c) => `${fmt(c.wallMs)}/${fmt(c.threadMs)} at ${(c.at / 1000).toFixed(1)} s`).join(', ')}`);
    const over = calls.filter((c) => c.wallMs > 8);
    console.log(`    calls over 8 ms wall: ${over.length}, of them over 8 ms of thread CPU: ${over.filter((c) => (c.threadMs ?? 0) > 8).length}`);
  }
  const profiledMs = kind === 'without' ? undefined : extensionTimeMs(profile);
  if (process.env.BENCH_PROFILE === '1') {
    keep(`page-${kind}-${Date.now()}.cpuprofile`, profile);
    if (extension) printProfile(profile);
  }
  await gc(cdp);
  const heap = await metrics(cdp);
  const longTasks = (await page.evaluate('window.benchLongTasks()')) as RunResult['longTasks'];
  const timing = (await page.evaluate(
    `JSON.stringify({ dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? -1,
       start: performance.getEntriesByName('heads-up:content-start')[0]?.startTime ?? null })`,
  )) as string;
  const { dcl, start } = JSON.parse(timing) as { dcl: number; start: number | null };
  let watch: RunResult['watch'];
  let contentStart = start;
  if (extension && contentStart === null) {
    // A mark made in the isolated world may live on that world's timeline only.
    const v = await inExtensionWorld(cdp, contexts, "performance.getEntriesByName('heads-up:content-start')[0]?.startTime ?? -1");
    if (typeof v === 'number' && v >= 0) contentStart = v;
  }
  if (extension) {
    const raw = (await inExtensionWorld(cdp, contexts, statsExpr)) as string;
    const s = JSON.parse(raw) as NonNullable<RunResult['watch']>;
    // Only the bursts: subtract what the history pass cost.
    watch = {
      ...s,
      messages: s.messages - watchBefore!.messages,
      passes: s.passes - watchBefore!.passes,
      totalPassMs: s.totalPassMs - watchBefore!.totalPassMs,
      onMessagesMs: s.onMessagesMs - watchBefore!.onMessagesMs,
      slowPasses: s.slowPasses - watchBefore!.slowPasses,
      settledPasses: s.settledPasses - watchBefore!.settledPasses,
      totalSettledMs: s.totalSettledMs - watchBefore!.totalSettledMs,
      startedAt: s.startedAt,
      firstScanAt: watchBefore!.firstScanAt,
    };
  }
  const referenceMessages = kind === 'reference' ? Number(await inExtensionWorld(cdp, contexts, referenceExpr)) - referenceBefore : undefined;
  const passes = watch?.longPassStarts ?? [];
  const extensionLongTasks = longTasks.filter((t) => passes.some((at) => at >= t.start - 1 && at <= t.start + t.duration)).length;
  return {
    kind,
    referenceMessages,
    extensionLongTasks,
    scriptMs: (after.ScriptDuration! - before.ScriptDuration!) * 1000,
    taskMs: (after.TaskDuration! - before.TaskDuration!) * 1000,
    heapMB: heap.JSHeapUsedSize! / 1e6,
    longTasks,
    appendMs: out.appendMs,
    wallMs: out.wallMs,
    watch,
    contentStartAt: contentStart ?? undefined,
    domContentLoadedAt: dcl,
    profiledMs,
  };
  void messages;
}

/** Keeps a diagnosis file (BENCH_PROFILE, BENCH_TRACE) in bench-results/, which git ignores. */
function keep(name: string, data: unknown): void {
  mkdirSync(join(HERE, '../../bench-results'), { recursive: true });
  writeFileSync(join(HERE, '../../bench-results', name), JSON.stringify(data));
}

/** Sampling interval of the page runs' CPU profiles. */
const PROFILE_INTERVAL_US = 200;

interface CpuProfile {
  nodes: { id: number; children?: number[]; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampled time per profile node (its own samples, microseconds). */
function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let k = 0; k < samples.length; k++) self.set(samples[k]!, (self.get(samples[k]!) ?? 0) + (deltas[k] ?? 0));
  return self;
}

/** Sampled time, in ms, with an extension's frame anywhere on the stack. */
function extensionTimeMs(profile: CpuProfile): number {
  const self = selfTimes(profile);
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const url = new Map(profile.nodes.map((node) => [node.id, node.callFrame.url]));
  let extUs = 0;
  for (const [id, us] of self) {
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      if (url.get(at)?.startsWith('chrome-extension')) {
        extUs += us;
        break;
      }
    }
  }
  return extUs / 1000;
}

/** BENCH_PROFILE=1: the content script's functions with the most self time (minified: with a snippet). */
function printProfile(profile: CpuProfile): void {
  const self = selfTimes(profile);
  const byFrame = new Map<string, number>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const key = `${f.url.startsWith('chrome-extension') ? 'EXT' : f.url.split('/').pop() || '(native)'} ${f.functionName || '(anon)'} ${f.lineNumber}:${f.columnNumber}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + (self.get(node.id) ?? 0));
  }
  const src = readFileSync(join(HERE, '../../.output/chrome-mv3/content-scripts/content.js'), 'utf8').split('\n');
  for (const [key, us] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    const m = / (\d+):(\d+)$/.exec(key);
    const snippet = key.startsWith('EXT') && m ? (src[Number(m[1])] ?? '').slice(Number(m[2]), Number(m[2]) + 70) : '';
    console.log(`    ${(us / 1000).toFixed(1).padStart(8)} ms  ${key}  ${snippet}`);
  }
  console.log(`    ${extensionTimeMs(profile).toFixed(1).padStart(8)} ms  with a content-script frame on the stack`);
}

const med = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runPage(opts: PageOptions): Promise<PageResult> {
  const { log } = opts;
  const feed = feedScript(opts.messages, opts.history);
  const servers = {
    with: await serve(HOSTS.with, feed),
    without: await serve(HOSTS.without, feed),
    reference: await serve(HOSTS.reference, feed),
  };
  // BENCH_CHROME_ARGS: extra Chromium switches for a diagnosis, e.g. "--js-flags=--trace-deopt"
  // (with DEBUG=pw:browser the renderer's output shows in the log).
  const extraArgs = process.env.BENCH_CHROME_ARGS?.split(' ').filter(Boolean);
  const browser = await launchWithExtension({ headless: true, locale: 'en-US', timezoneId: 'America/New_York', args: extraArgs, alsoLoad: [REFERENCE_DIR] });
  const runs: RunResult[] = [];
  /** The uncounted first run with Heads Up: the first chat page after the browser (and its background) started. */
  let firstWith: RunResult | undefined;
  try {
    const sw = browser.context.serviceWorkers()[0] ?? (await browser.context.waitForEvent('serviceworker', { timeout: 15_000 }));
    void sw;
    // One run of each kind first, not counted: the first page a fresh browser opens pays for cold
    // fonts, layout and code caches (80-135 ms seen), and the extension's background for its own
    // start; counting it would charge whichever kind runs first. Its long tasks are logged.
    // Then A B C C B A ... so a slow phase of the machine hits every kind alike.
    const order: Kind[] = ['without', 'with', 'reference'];
    for (let k = 0; k < opts.rounds; k++) order.push(...(k % 2 === 0 ? (['with', 'without', 'reference'] as const) : (['reference', 'without', 'with'] as const)));
    for (const [index, kind] of order.entries()) {
      const warmUp = index < 3;
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      const r = await oneRun(page, cdp, servers[kind].url, kind, opts.messages);
      await cdp.detach().catch(() => undefined);
      await page.close();
      if (!warmUp) runs.push(r);
      else if (kind === 'with') firstWith = r;
      log(
        `  ${warmUp ? 'warm-up ' : ''}${kind.padEnd(9)} script ${r.scriptMs.toFixed(0)} ms, task ${r.taskMs.toFixed(0)} ms, heap ${r.heapMB.toFixed(1)} MB, long tasks ${r.longTasks.length}${r.longTasks.length ? ` [${r.longTasks.slice(0, 4).map((t) => `${t.duration.toFixed(0)} ms at ${t.start.toFixed(0)}`).join(', ')}]` : ''}${r.kind === 'with' ? ` (${r.extensionLongTasks} with a long watcher pass)` : ''}` +
          (r.referenceMessages !== undefined ? `, reference read ${r.referenceMessages} messages` : '') +
          (r.profiledMs !== undefined ? `, profiled extension time ${r.profiledMs.toFixed(0)} ms` : '') +
          (r.watch ? `, watcher started at ${r.watch.startedAt.toFixed(0)}, first scan ${r.watch.firstScanAt.toFixed(0)}, bursts began after load + 300 ms; watcher ${r.watch.totalPassMs.toFixed(0)} ms for ${r.watch.messages} messages in ${r.watch.passes} passes (onMessages ${r.watch.onMessagesMs.toFixed(0)} ms${r.watch.settledPasses ? `, to settled ${r.watch.totalSettledMs.toFixed(0)} ms, max ${r.watch.maxSettledMs.toFixed(1)}` : ''}, max pass ${r.watch.maxPassMs.toFixed(1)} ms/${r.watch.maxPassMessages} msgs, ${r.watch.maxPassReadMs.toFixed(1)} ms of it reading), wall ${(r.wallMs / 1000).toFixed(1)} s` : ''),
      );
    }
  } finally {
    await browser.close();
    for (const server of Object.values(servers)) server.server.close();
  }
  const counted = runs;
  const w = counted.filter((r) => r.kind === 'with');
  const wo = counted.filter((r) => r.kind === 'without');
  const ref = counted.filter((r) => r.kind === 'reference');
  const per1000 = (ms: number) => (ms / opts.messages) * 1000;
  const longWith = w.flatMap((r) => r.longTasks);
  const longWithout = wo.flatMap((r) => r.longTasks);
  const watch = w.map((r) => r.watch!);
  const start = w.map((r) => r.contentStartAt).filter((x): x is number => x !== undefined);
  // A long task that ended before the content script's first line ran cannot hold its work (it
  // runs nothing in the page before that); the page's own loading makes tasks close to 50 ms
  // here, so such tasks come and go with or without the extension. Attributed: long tasks from
  // the content script's start on, minus those the runs without it saw from the same moment on.
  const scriptStart = med(start);
  const afterStart = (r: RunResult) => r.longTasks.filter((t) => t.start + t.duration > (r.contentStartAt ?? scriptStart));
  const afterStartWithout = (r: RunResult) => r.longTasks.filter((t) => t.start + t.duration > scriptStart);
  const attributable = w.flatMap(afterStart).length;
  const seenWithout = wo.flatMap(afterStartWithout).length;
  return {
    messages: opts.messages,
    rounds: opts.rounds,
    pageMsPer1000: per1000(med(w.map((r) => r.scriptMs)) - med(wo.map((r) => r.scriptMs))),
    referenceMsPer1000: per1000(med(ref.map((r) => r.scriptMs)) - med(wo.map((r) => r.scriptMs))),
    referenceMessages: med(ref.map((r) => r.referenceMessages ?? 0)),
    profiledMsPer1000: per1000(med(w.map((r) => r.profiledMs ?? 0))),
    referenceProfiledMsPer1000: per1000(med(ref.map((r) => r.profiledMs ?? 0))),
    taskMsPer1000: per1000(med(w.map((r) => r.taskMs)) - med(wo.map((r) => r.taskMs))),
    watcherMsPer1000: per1000(med(watch.map((s) => s.totalPassMs))),
    watcherScanMsPer1000: per1000(med(watch.map((s) => s.onMessagesMs))),
    watcherSettledMsPer1000: watch.every((s) => (s.settledPasses ?? 0) > 0) ? per1000(med(watch.map((s) => s.totalSettledMs))) : null,
    maxSettledMs: watch.every((s) => (s.settledPasses ?? 0) > 0) ? Math.max(...watch.map((s) => s.maxSettledMs)) : null,
    pageOwnScriptMsPer1000: per1000(med(wo.map((r) => r.scriptMs))),
    longTasks: Math.max(0, attributable - seenWithout),
    longTasksBeforeContentScript: longWith.length - attributable,
    longTasksWithWatcherPass: w.reduce((n, r) => n + r.extensionLongTasks, 0),
    longTasksWith: longWith.length,
    slowPasses: watch.reduce((n, s) => n + s.slowPasses, 0),
    longTasksWithout: longWithout.length,
    longestTaskMs: Math.max(0, ...longWith.map((t) => t.duration)),
    heapMB: med(w.map((r) => r.heapMB)) - med(wo.map((r) => r.heapMB)),
    heapWithMB: med(w.map((r) => r.heapMB)),
    heapWithoutMB: med(wo.map((r) => r.heapMB)),
    maxBatchMs: Math.max(...watch.map((s) => s.maxPassMs)),
    maxBatchMessages: [...watch].sort((a, b) => b.maxPassMs - a.maxPassMs)[0]?.maxPassMessages ?? 0,
    passesPerRun: med(watch.map((s) => s.passes)),
    firstScanMs: med(watch.map((s) => s.firstScanAt)),
    watcherStartMs: med(watch.map((s) => s.startedAt)),
    domContentLoadedMs: med(w.map((r) => r.domContentLoadedAt)),
    contentStartToFirstScanMs: start.length > 0 ? med(watch.map((s, k) => s.firstScanAt - (start[k] ?? s.startedAt))) : null,
    firstPageContentStartToFirstScanMs: firstWith?.watch && firstWith.contentStartAt !== undefined ? firstWith.watch.firstScanAt - firstWith.contentStartAt : null,
  };
}
