/**
 * BENCH_TRACE=1 (a diagnosis, not a figure): a Chrome trace of each run with Heads Up, to tell
 * the extension's work from time its thread did not run. Every trace event of a call into the
 * content script carries its wall-clock duration (`dur`) and the thread's own CPU time (`tdur`);
 * a long pass whose CPU time is short was the thread waiting (preempted on a busy host, or
 * blocked), not the extension working. The trace is kept in bench-results/ for chrome://tracing
 * or the DevTools performance panel.
 */
import type { CDPSession } from 'playwright-core';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'].join(',');

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { data?: { url?: string; functionName?: string } };
}

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });
}

export async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const done = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await done;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

export interface ExtensionCall {
  /** ms since the first call. */
  at: number;
  wallMs: number;
  /** The thread's CPU time in the call; undefined when the trace has no thread clock. */
  threadMs?: number;
}

/** Calls into an extension's scripts (FunctionCall events with a chrome-extension:// URL), longest first. */
export function extensionCalls(events: readonly TraceEvent[]): ExtensionCall[] {
  const calls = events.filter((e) => e.name === 'FunctionCall' && e.ph === 'X' && e.args?.data?.url?.startsWith('chrome-extension://'));
  const first = calls.reduce((least, e) => Math.min(least, e.ts), Infinity);
  return calls
    .map((e) => ({ at: (e.ts - first) / 1000, wallMs: (e.dur ?? 0) / 1000, threadMs: e.tdur === undefined ? undefined : e.tdur / 1000 }))
    .sort((a, b) => b.wallMs - a.wallMs);
}
