/**
 * Watches a page for newly added chat messages. Budget rules (see STYLE.md, "content-script
 * budget"): only added nodes are read, never the whole page again; work is batched per animation
 * frame; each pass handles a capped number of nodes and leaves the rest for the next frame; our
 * own panel and the reader's drafts are ignored.
 */
import type { Direction } from '~/rules/engine';
import { directionOf, type SiteAdapter } from '~/lib/sites';
import { readText, textLength } from './read-text';

export interface WatchedMessage {
  text: string;
  direction: Direction;
}

/** Added nodes handled per pass; the rest waits for the next frame so a page dump can't stall typing. */
export const MAX_NODES_PER_PASS = 200;
/** A single message longer than this is treated as a container of messages and split into children. */
export const MAX_MESSAGE_CHARS = 2_000;
/** Tag name of our own shadow-root host, whose content must never be read back as chat. */
export const PANEL_HOST = 'heads-up-panel';

export interface WatcherOptions {
  root: Node;
  site: SiteAdapter;
  /**
   * Receives each pass's messages. It may return a promise (work queued on microtasks); the watcher
   * does not wait for it, but counts the time until it settles in stats().settled*.
   */
  onMessages: (messages: WatchedMessage[]) => unknown;
  /** Schedules the next pass; the content script passes ctx.requestAnimationFrame so it stops on reload. */
  schedule: (run: () => void) => void;
  /** Also read what is already on the page (an open chat's history). */
  includeExisting?: boolean;
}

export interface Watcher {
  stop(): void;
  /** How many nodes are waiting; for tests and the budget check. */
  pending(): number;
  /** Cost counters of this watcher; for tests and the benchmark (docs/performance.md). */
  stats(): WatchStats;
}

/**
 * What the watcher's passes cost, counted with two performance.now() calls per pass (no User
 * Timing entries, so nothing accumulates on a long-lived page). A pass includes onMessages, so
 * matching and the panel update are counted too.
 */
export interface WatchStats {
  /** performance.now() when the watcher started. */
  startedAt: number;
  /** performance.now() when the first messages had been handed to onMessages (scanned), or -1. */
  firstScanAt: number;
  passes: number;
  messages: number;
  nodes: number;
  totalPassMs: number;
  /** Part of totalPassMs spent in onMessages (matching, risk and panel), the rest is reading the DOM. */
  onMessagesMs: number;
  /**
   * When onMessages returns a promise: passes whose promise settled, and pass start to settling
   * (the pass plus the microtasks it queued, in the same task unless they waited for I/O).
   */
  settledPasses: number;
  totalSettledMs: number;
  maxSettledMs: number;
  maxPassMs: number;
  /** Messages in the longest pass. */
  maxPassMessages: number;
  /** Passes over the 8 ms budget. */
  slowPasses: number;
  /** Start times of the first passes of 50 ms or more (a long task), at most LONG_PASSES_KEPT. */
  longPassStarts: number[];
}

const SLOW_PASS_MS = 8;
const LONG_PASS_MS = 50;
const LONG_PASSES_KEPT = 100;

/**
 * The newest watcher's stats, on the global object of the script's own world: in a content script
 * that is the extension's isolated world, which the page cannot see. The page benchmark reads it
 * through the DevTools protocol.
 */
export const STATS_GLOBAL = '__headsUpWatchStats';

export function watchMessages(options: WatcherOptions): Watcher {
  const { root, site, onMessages, schedule } = options;
  // `structural` marks nodes found by splitting (existing content, oversized blocks): they are split
  // further down to their message blocks; a node the page just added is one message.
  const queue: { node: Node; structural: boolean }[] = [];
  let scheduled = false;
  let stopped = false;
  const stats: WatchStats = {
    startedAt: performance.now(),
    firstScanAt: -1,
    passes: 0,
    messages: 0,
    nodes: 0,
    totalPassMs: 0,
    onMessagesMs: 0,
    settledPasses: 0,
    totalSettledMs: 0,
    maxSettledMs: 0,
    maxPassMs: 0,
    maxPassMessages: 0,
    slowPasses: 0,
    longPassStarts: [],
  };
  (globalThis as Record<string, unknown>)[STATS_GLOBAL] = stats;

  const enqueue = (nodes: Iterable<Node>, structural: boolean) => {
    for (const node of nodes) queue.push({ node, structural });
    if (!scheduled && queue.length > 0 && !stopped) {
      scheduled = true;
      schedule(runPass);
    }
  };

  function runPass() {
    scheduled = false;
    if (stopped) return;
    const began = performance.now();
    const batch = queue.splice(0, MAX_NODES_PER_PASS);
    const inBatch = new Set(batch.map((entry) => entry.node));
    const messages: WatchedMessage[] = [];
    const split: Node[] = [];
    for (const { node, structural } of batch) {
      // Most passes hold one node: no ancestor walk needed then.
      if (!node.isConnected || (batch.length > 1 && hasAncestorIn(node, inBatch, root))) continue;
      const element = node instanceof Element ? node : node.parentElement;
      if (!element || isIgnored(element, site)) continue;
      if (node instanceof Element && (structural || textLength(node) > MAX_MESSAGE_CHARS) && isContainer(node)) {
        // A big block (a whole chat view rendered at once) holds many messages: read them one by one.
        split.push(...Array.from(node.children));
        continue;
      }
      const text = readText(node, MAX_MESSAGE_CHARS);
      if (text) messages.push({ text, direction: directionOf(element, site) });
    }
    const read = performance.now();
    const pending = messages.length > 0 ? onMessages(messages) : undefined;
    if (pending instanceof Promise) {
      const settled = () => {
        const ms = performance.now() - began;
        stats.settledPasses++;
        stats.totalSettledMs += ms;
        if (ms > stats.maxSettledMs) stats.maxSettledMs = ms;
      };
      pending.then(settled, settled);
    }
    const ended = performance.now();
    const took = ended - began;
    stats.onMessagesMs += ended - read;
    stats.passes++;
    stats.nodes += batch.length;
    stats.messages += messages.length;
    stats.totalPassMs += took;
    if (took > stats.maxPassMs) {
      stats.maxPassMs = took;
      stats.maxPassMessages = messages.length;
    }
    if (took > SLOW_PASS_MS) stats.slowPasses++;
    if (took >= LONG_PASS_MS && stats.longPassStarts.length < LONG_PASSES_KEPT) stats.longPassStarts.push(began);
    if (stats.firstScanAt < 0 && messages.length > 0) stats.firstScanAt = began + took;
    enqueue(split, true);
    if (queue.length > 0 && !scheduled) {
      scheduled = true;
      schedule(runPass);
    }
  }

  const observer = new MutationObserver((records) => {
    for (const record of records) enqueue(record.addedNodes, false);
  });
  observer.observe(root, { childList: true, subtree: true });
  if (options.includeExisting) enqueue(root instanceof Document ? [root.body] : Array.from(root.childNodes), true);

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      queue.length = 0;
    },
    pending: () => queue.length,
    stats: () => ({ ...stats, longPassStarts: [...stats.longPassStarts] }),
  };
}

/**
 * A container holds message blocks rather than being one: it has no text of its own, only child
 * elements. Oversized elements with children are split too, so one huge paragraph stays readable.
 */
function isContainer(element: Element): boolean {
  if (element.children.length === 0) return false;
  return textLength(element) > MAX_MESSAGE_CHARS || !hasOwnText(element);
}

function hasOwnText(element: Element): boolean {
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE && (child.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/** A node inside another node of the same batch is already read with its ancestor. */
function hasAncestorIn(node: Node, batch: Set<Node>, root: Node): boolean {
  for (let parent = node.parentNode; parent && parent !== root; parent = parent.parentNode) {
    if (batch.has(parent)) return true;
  }
  return false;
}

function isIgnored(element: Element, site: SiteAdapter): boolean {
  if (element.closest(PANEL_HOST)) return true;
  if (element.closest(site.composer)) return true;
  // Our panel lives in a shadow root; its nodes report the shadow root as their root node.
  return element.getRootNode() instanceof ShadowRoot;
}
