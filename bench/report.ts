/**
 * Turns the parts' results into the readable table and the one-line JSON summary. Kept apart from
 * the runners so a unit test can check the summary's keys without running a benchmark.
 */
import type { EngineResult } from './engine';
import type { PageResult } from './page/run';
import type { SizeResult } from './size';

export interface Results {
  engine?: EngineResult;
  page?: PageResult;
  size?: SizeResult;
}

/** Keys every summary line has (null when that part did not run). */
export const REQUIRED_KEYS = [
  'ratioVsNaive2000',
  'matchShareOfCeiling',
  'p50us',
  'p99us',
  'pageMsPer1000',
  'longTasks',
  'heapMB',
  'contentScriptGzipKB',
] as const;

const round = (x: number | null | undefined, digits = 2): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits));

export function summary(r: Results, meta: Record<string, unknown> = {}): Record<string, unknown> {
  const e = r.engine;
  const p = r.page;
  const s = r.size;
  return {
    // The headline figures (targets in docs/performance.md).
    ratioVsNaive2000: round(e?.synthetic.naive.ratio, 1),
    matchShareOfCeiling: round(e && e.bundled.match.mbps / e.ceilingMbps, 3),
    p50us: round(e?.bundled.total.p50us),
    p99us: round(e?.bundled.total.p99us),
    pageMsPer1000: round(p?.pageMsPer1000, 1),
    longTasks: p ? p.longTasks : null,
    heapMB: round(p?.heapMB),
    contentScriptGzipKB: round(s?.content.gzipKB, 1),
    // Engine detail (MB = million UTF-16 code units).
    corpusMB: round(e && e.corpus.chars / 1e6, 1),
    corpusMessages: e?.corpus.messages ?? null,
    ceilingMBps: round(e?.ceilingMbps, 0),
    normaliseMBps: round(e?.normalise.mbps, 1),
    normaliseP50us: round(e?.normalise.p50us),
    normaliseP99us: round(e?.normalise.p99us),
    bundledRules: e?.bundled.rules ?? null,
    bundledStates: e?.bundled.states ?? null,
    bundledMatchMBps: round(e?.bundled.match.mbps, 1),
    bundledMatchP50us: round(e?.bundled.match.p50us),
    bundledMatchP99us: round(e?.bundled.match.p99us),
    bundledMatchViaScanMessageMBps: round(e?.bundled.matchViaScanMessageMbps, 1),
    matchViaScanMessageShareOfCeiling: round(e && e.bundled.matchViaScanMessageMbps / e.ceilingMbps, 3),
    bundledTotalMBps: round(e?.bundled.total.mbps, 1),
    bundledHitsPer1000: round(e?.bundled.hitsPer1000, 1),
    bundledCompileMs: round(e?.bundled.compileMs, 1),
    bundledCompileOnlyMs: round(e?.bundledCompileOnlyMs, 1),
    naiveBundledMBps: round(e?.bundled.naive.mbps, 3),
    ratioVsNaiveBundled: round(e?.bundled.naive.ratio, 1),
    syntheticRules: e?.synthetic.rules ?? null,
    syntheticStates: e?.synthetic.states ?? null,
    syntheticMatchMBps: round(e?.synthetic.match.mbps, 1),
    syntheticMatchP50us: round(e?.synthetic.match.p50us),
    syntheticMatchP99us: round(e?.synthetic.match.p99us),
    syntheticMatchViaScanMessageMBps: round(e?.synthetic.matchViaScanMessageMbps, 1),
    syntheticTotalMBps: round(e?.synthetic.total.mbps, 1),
    syntheticTotalP50us: round(e?.synthetic.total.p50us),
    syntheticTotalP99us: round(e?.synthetic.total.p99us),
    syntheticHitsPer1000: round(e?.synthetic.hitsPer1000, 1),
    syntheticCompileMs: round(e?.synthetic.compileMs, 1),
    naive2000MBps: round(e?.synthetic.naive.mbps, 3),
    naive2000P50us: round(e?.synthetic.naive.p50us, 1),
    naive2000P99us: round(e?.synthetic.naive.p99us, 1),
    engineSameSampleMBps: round(e?.synthetic.naive.engineMbpsSameSample, 1),
    naiveAgreement2000: round(e?.synthetic.naive.agreement, 3),
    timerOverheadUs: round(e?.timerOverheadUs, 3),
    // Page detail.
    pageMessages: p?.messages ?? null,
    pageRounds: p?.rounds ?? null,
    taskMsPer1000: round(p?.taskMsPer1000, 1),
    watcherMsPer1000: round(p?.watcherMsPer1000, 1),
    watcherScanMsPer1000: round(p?.watcherScanMsPer1000, 1),
    watcherSettledMsPer1000: round(p?.watcherSettledMsPer1000, 1),
    maxSettledMs: round(p?.maxSettledMs, 1),
    pageOwnScriptMsPer1000: round(p?.pageOwnScriptMsPer1000, 1),
    referenceMsPer1000: round(p?.referenceMsPer1000, 1),
    // Heads Up's cost over the reference reader's, from the sampled time of each one's own frames.
    pageVsReference: round(p && p.profiledMsPer1000 / p.referenceProfiledMsPer1000, 2),
    profiledMsPer1000: round(p?.profiledMsPer1000, 1),
    referenceProfiledMsPer1000: round(p?.referenceProfiledMsPer1000, 1),
    pageVsReferenceByScriptDuration: round(p && p.pageMsPer1000 / p.referenceMsPer1000, 2),
    referenceMessages: p?.referenceMessages ?? null,
    longTasksBeforeContentScript: p ? p.longTasksBeforeContentScript : null,
    longTasksWithWatcherPass: p ? p.longTasksWithWatcherPass : null,
    longTasksWith: p ? p.longTasksWith : null,
    longTasksWithout: p ? p.longTasksWithout : null,
    slowPasses: p ? p.slowPasses : null,
    longestTaskWithMs: round(p?.longestTaskMs, 0),
    maxBatchMs: round(p?.maxBatchMs, 1),
    maxBatchMessages: p?.maxBatchMessages ?? null,
    passesPerRun: p?.passesPerRun ?? null,
    heapWithMB: round(p?.heapWithMB),
    heapWithoutMB: round(p?.heapWithoutMB),
    domContentLoadedMs: round(p?.domContentLoadedMs, 0),
    watcherStartMs: round(p?.watcherStartMs, 0),
    firstScanMs: round(p?.firstScanMs, 0),
    contentStartToFirstScanMs: round(p?.contentStartToFirstScanMs, 0),
    firstPageContentStartToFirstScanMs: round(p?.firstPageContentStartToFirstScanMs, 0),
    // Sizes.
    contentScriptKB: round(s?.content.minKB, 1),
    ...Object.fromEntries(
      Object.entries(s?.pages ?? {}).flatMap(([name, size]) => [
        [`${name}KB`, round(size.minKB, 1)],
        [`${name}GzipKB`, round(size.gzipKB, 1)],
      ]),
    ),
    ...meta,
  };
}

function table(title: string, header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((v, c) => (c === 0 ? v.padEnd(widths[c]!) : v.padStart(widths[c]!))).join('  ');
  return [`\n${title}`, line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

const f = (x: number, d = 1) => x.toFixed(d);
const mark = (ok: boolean) => (ok ? 'met' : 'MISSED');

export function render(r: Results): string {
  const out: string[] = [];
  const e = r.engine;
  if (e) {
    out.push(
      `Corpus: ${e.corpus.messages} messages, ${f(e.corpus.chars / 1e6)} M UTF-16 units (${f(e.corpus.utf8Bytes / 1e6)} MB UTF-8), ` +
        `${f(e.corpus.nonAsciiShare * 100, 0)} % non-ASCII, ${f(e.corpus.redFlagShare * 100)} % red-flag-like. MB/s = million characters per second.`,
    );
    out.push(
      table('Engine (Node, one process, interleaved)', ['what', 'MB/s', 'p50 us', 'p99 us'], [
        ['ceiling: charCodeAt loop', f(e.ceilingMbps, 0), '', ''],
        ['normalise', f(e.normalise.mbps), f(e.normalise.p50us, 2), f(e.normalise.p99us, 2)],
        [`match, bundled (${e.bundled.rules} rules)`, f(e.bundled.match.mbps), f(e.bundled.match.p50us, 2), f(e.bundled.match.p99us, 2)],
        ['match, bundled, implied by scanMessage - normalise', f(e.bundled.matchViaScanMessageMbps), '', ''],
        ['normalise + match, bundled', f(e.bundled.total.mbps), f(e.bundled.total.p50us, 2), f(e.bundled.total.p99us, 2)],
        [`match, synthetic (${e.synthetic.rules} rules)`, f(e.synthetic.match.mbps), f(e.synthetic.match.p50us, 2), f(e.synthetic.match.p99us, 2)],
        ['match, synthetic, implied by scanMessage - normalise', f(e.synthetic.matchViaScanMessageMbps), '', ''],
        ['normalise + match, synthetic', f(e.synthetic.total.mbps), f(e.synthetic.total.p50us, 2), f(e.synthetic.total.p99us, 2)],
        [`naive RegExp per rule, ${e.synthetic.rules} rules`, f(e.synthetic.naive.mbps, 3), f(e.synthetic.naive.p50us), f(e.synthetic.naive.p99us)],
        [`naive RegExp per rule, bundled`, f(e.bundled.naive.mbps, 3), f(e.bundled.naive.p50us), f(e.bundled.naive.p99us)],
      ]),
    );
    out.push(
      table('Compile', ['rule set', 'rules', 'states', 'ms'], [
        ['bundled, parse + compile from disk', e.bundled.rules, e.bundled.states, f(e.bundled.compileMs)],
        ['bundled, compile only', e.bundled.rules, e.bundled.states, f(e.bundledCompileOnlyMs)],
        ['synthetic, compile', e.synthetic.rules, e.synthetic.states, f(e.synthetic.compileMs)],
      ]),
    );
  }
  const p = r.page;
  if (p) {
    out.push(
      table(`Page (Chromium, ${p.messages} messages, ${p.rounds} runs each with Heads Up, without, and with the reference reader; medians)`, ['what', 'value'], [
        ['added main-thread script, ms per 1,000 messages', f(p.pageMsPer1000)],
        ['reference reader (observer + TreeWalker only), ms per 1,000', `${f(p.referenceMsPer1000)} (read ${p.referenceMessages} messages)`],
        ['sampled time in the extension, Heads Up / reference, ms per 1,000', `${f(p.profiledMsPer1000)} / ${f(p.referenceProfiledMsPer1000)}`],
        ['Heads Up / reference reader, sampled (script-time ratio)', `${f(p.profiledMsPer1000 / p.referenceProfiledMsPer1000, 2)}x (${f(p.pageMsPer1000 / p.referenceMsPer1000, 2)}x)`],
        ['added main-thread tasks, ms per 1,000 messages', f(p.taskMsPer1000)],
        ['watcher passes (inside the extension), ms per 1,000', f(p.watcherMsPer1000)],
        ['  of which onMessages (match, risk, panel; first 3 ms slice of a long batch)', f(p.watcherScanMsPer1000)],
        ['watcher pass until onMessages settled, ms per 1,000', p.watcherSettledMsPer1000 === null ? 'n/a (onMessages returns nothing)' : f(p.watcherSettledMsPer1000)],
        ['largest pass until settled (spans tasks: 3 ms slices), ms', p.maxSettledMs === null ? 'n/a' : f(p.maxSettledMs)],
        ['page own script without extension, ms per 1,000', f(p.pageOwnScriptMsPer1000)],
        ['long tasks added from the content-script start on (with - without)', String(p.longTasks)],
        ['long tasks before the content script started (runs with it)', String(p.longTasksBeforeContentScript)],
        ['long tasks containing a watcher pass >= 50 ms', String(p.longTasksWithWatcherPass)],
        ['all long tasks seen, runs with / without extension', `${p.longTasksWith} / ${p.longTasksWithout}`],
        ['watcher passes over 8 ms (all runs)', String(p.slowPasses)],
        ['largest watcher pass, ms (messages)', `${f(p.maxBatchMs)} (${p.maxBatchMessages})`],
        ['content-script heap (JSHeapUsed with - without), MB', f(p.heapMB, 2)],
        ['DOMContentLoaded / watcher start / first scan, ms', `${f(p.domContentLoadedMs, 0)} / ${f(p.watcherStartMs, 0)} / ${f(p.firstScanMs, 0)}`],
        ['content-script start to first scan, ms (later pages / first page after browser start)', [p.contentStartToFirstScanMs, p.firstPageContentStartToFirstScanMs].map((ms) => (ms === null ? 'n/a' : f(ms, 0))).join(' / ')],
      ]),
    );
  }
  const s = r.size;
  if (s) {
    out.push(
      table('Bundle sizes (.output/chrome-mv3)', ['script', 'minified kB', 'gzip kB'], [
        ['content script', f(s.content.minKB), f(s.content.gzipKB)],
        ...Object.entries(s.pages).map(([name, size]) => [`${name} page`, f(size.minKB), f(size.gzipKB)]),
      ]),
    );
  }
  const t: (string | number)[][] = [];
  if (e) {
    t.push(['2,000 rules: >= 100x naive', f(e.synthetic.naive.ratio, 0) + 'x', mark(e.synthetic.naive.ratio >= 100)]);
    t.push(['bundled match >= 1/4 of ceiling', f(e.bundled.match.mbps / e.ceilingMbps, 3), mark(e.bundled.match.mbps / e.ceilingMbps >= 0.25)]);
    t.push(['message p50 <= 3 us', f(e.bundled.total.p50us, 2), mark(e.bundled.total.p50us <= 3)]);
    t.push(['message p99 <= 20 us', f(e.bundled.total.p99us, 2), mark(e.bundled.total.p99us <= 20)]);
  }
  if (p) {
    t.push(['page <= 10 ms per 1,000 messages', f(p.pageMsPer1000), mark(p.pageMsPer1000 <= 10)]);
    // The issue set 10 ms where reading alone cost 5-6: at most about 1.8x the reference reader.
    const scaled = p.profiledMsPer1000 / p.referenceProfiledMsPer1000;
    t.push(['  the same scaled: <= 1.8x the reference reader', f(scaled, 2) + 'x', mark(scaled <= 1.8)]);
    // A batch is one task's work. The session matches a long batch in 3 ms slices, one task each,
    // so "until settled" can span many tasks and is reported above, not checked here.
    t.push(['no watcher batch over 8 ms', f(p.maxBatchMs), mark(p.maxBatchMs <= 8)]);
    t.push(['no long task from the extension', p.longTasks, mark(p.longTasks === 0)]);
    t.push(['content-script heap < 10 MB', f(p.heapMB, 2), mark(p.heapMB < 10)]);
  }
  if (s) t.push(['content script <= 40 kB gzip', f(s.content.gzipKB), mark(s.content.gzipKB <= 40)]);
  if (t.length > 0) out.push(table('Targets', ['target', 'measured', ''], t));
  return out.join('\n');
}
