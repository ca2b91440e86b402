/**
 * Watches a page for newly added chat messages. Budget rules (see STYLE.md, "content-script
 * budget"): only added nodes are read, never the whole page again; work is batched per animation
 * frame; each pass handles a capped number of nodes and leaves the rest for the next frame; our
 * own panel and the reader's drafts are ignored.
 */
import type { Direction } from '~/rules/engine';
import { directionSelector, directionWithin, type SiteAdapter } from '~/lib/sites';
import { readMessage, textLength } from './read-text';

export interface WatchedMessage {
  text: string;
  direction: Direction;
}

/** Added nodes handled per pass; the rest waits for the next frame so a page dump can't stall typing. */
export const MAX_NODES_PER_PASS = 200;
/**
 * Reading time per pass: when it runs out the rest waits for the next frame (matching the pass's
 * messages comes on top, see lib/conversation-session.ts). A pass reads at least one node.
 */
export const PASS_BUDGET_MS = 4;
/** A single message longer than this is treated as a container of messages and split into children. */
export const MAX_MESSAGE_CHARS = 2_000;
/**
 * On a busy chat the content script hands messages on at most this often, in one batch, instead of
 * after every frame: matching a hundred messages in one go cost about 40 % less than matching them
 * ten at a time between the page's own work (measured in Chromium, docs/performance.md). The first
 * message after a quiet spell goes at once, so a quiet chat sees no delay.
 */
export const DELIVER_EVERY_MS = 250;
/** A flood is handed on at once when this many messages wait. */
export const MAX_WAITING_MESSAGES = 500;
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
  /** Reading time per pass in ms (default PASS_BUDGET_MS); tests about the node cap pass Infinity. */
  passBudgetMs?: number;
  /** The clock for the budget and the stats (default performance.now). */
  now?: () => number;
  /**
   * Hand messages on at most once per this many ms, several passes together (default 0: after
   * every pass). The first messages after a quiet spell of this length go at once.
   */
  deliverEveryMs?: number;
  /** Runs a delayed hand-over (default setTimeout); the content script passes the window's. */
  later?: (run: () => void, ms: number) => void;
}

export interface Watcher {
  stop(): void;
  /** How many nodes are waiting; for tests and the budget check. */
  pending(): number;
  /** Hands on the messages read but not yet handed on (before a switch of conversation, or when the page is left). */
  flush(): void;
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
  /**
   * Part of totalPassMs spent in onMessages (matching, risk and panel), the rest is reading the DOM.
   * A hand-over on its own timer (see deliverEveryMs) counts as a pass that reads nothing.
   */
  onMessagesMs: number;
  /**
   * When onMessages returns a promise: passes whose promise settled, and pass start to settling
   * (the pass plus the microtasks it queued, in the same task unless they waited for I/O).
   */
  settledPasses: number;
  totalSettledMs: number;
  maxSettledMs: number;
  maxPassMs: number;
  /** Messages in the longest pass, and the part of it spent reading the DOM (the rest is onMessages). */
  maxPassMessages: number;
  maxPassReadMs: number;
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
  const budgetMs = options.passBudgetMs ?? PASS_BUDGET_MS;
  const clock = options.now ?? (() => performance.now());
  const deliverEveryMs = options.deliverEveryMs ?? 0;
  const later = options.later ?? ((run: () => void, ms: number) => void setTimeout(run, ms));
  // Our panel host and the reader's composer in one selector (see isIgnored).
  const ignored = `${PANEL_HOST}, ${site.composer}`;
  const decides = directionSelector(site);
  // Nodes waiting for a pass, and whether each was found by splitting (existing content, oversized
  // blocks): those are split further down to their message blocks; a node the page just added is
  // one message. Two arrays and a read index: no object per node, no splice per pass.
  let queue: Node[] = [];
  let structuralQueue: boolean[] = [];
  let head = 0;
  let scheduled = false;
  let stopped = false;
  // Messages read and not yet handed on, when the last hand-over began, and whether one is on a timer.
  let collected: WatchedMessage[] = [];
  let lastDelivery = -Infinity;
  let deliveryArmed = false;
  const stats: WatchStats = {
    startedAt: clock(),
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
    maxPassReadMs: 0,
    slowPasses: 0,
    longPassStarts: [],
  };
  (globalThis as Record<string, unknown>)[STATS_GLOBAL] = stats;

  const waiting = () => queue.length - head;
  const wake = () => {
    if (!scheduled && !stopped && waiting() > 0) {
      scheduled = true;
      schedule(runPass);
    }
  };
  const enqueue = (nodes: ArrayLike<Node>, structural: boolean) => {
    for (let i = 0; i < nodes.length; i++) {
      queue.push(nodes[i]!);
      structuralQueue.push(structural);
    }
  };

  function runPass() {
    scheduled = false;
    if (stopped) return;
    const began = clock();
    const end = Math.min(queue.length, head + MAX_NODES_PER_PASS);
    // Our panel lives in a shadow root, and so does everything under a root that is in one; the
    // observer does not see into shadow roots below the root, so this is a question per pass.
    const inShadow = root.getRootNode() instanceof ShadowRoot;
    const batchStart = head;
    const inBatch = end - head > 1 ? new Set(queue.slice(head, end)) : undefined;
    const clear = new Set<Node>();
    const notIgnored = new Set<Element>();
    const directions = new Map<Element, Direction>();
    const messages: WatchedMessage[] = [];
    const split: Node[] = [];
    while (head < end) {
      const node = queue[head]!;
      const structural = structuralQueue[head]!;
      head++;
      if (!node.isConnected || inShadow || (inBatch && hasAncestorIn(node, inBatch, root, clear))) continue;
      const isElement = node.nodeType === Node.ELEMENT_NODE;
      const element = isElement ? (node as Element) : node.parentElement;
      if (!element || isIgnored(element, ignored, notIgnored)) continue;
      if (isElement && structural && isContainer(element, () => textLength(element) > MAX_MESSAGE_CHARS)) {
        // A big block (a whole chat view rendered at once) holds many messages: read them one by one.
        split.push(...Array.from(element.children));
        continue;
      }
      const { text, oversized } = readMessage(node, MAX_MESSAGE_CHARS);
      // An oversized block with children holds messages; a long message is kept, cut at the cap.
      if (isElement && !structural && oversized && isContainer(element, () => true)) {
        split.push(...Array.from(element.children));
        continue;
      }
      if (text) messages.push({ text, direction: directionWithin(element, site, decides, directions) });
      // Reading stops at the budget; the rest waits for the next frame (but read at least one node).
      if (clock() - began >= budgetMs) break;
    }
    const handled = head - batchStart;
    if (head === queue.length) {
      queue = [];
      structuralQueue = [];
      head = 0;
    }
    const read = clock();
    // Usually nothing waits: the pass's own array is the batch.
    if (collected.length === 0) collected = messages;
    else for (let i = 0; i < messages.length; i++) collected.push(messages[i]!);
    if (collected.length > 0) {
      if (collected.length >= MAX_WAITING_MESSAGES || read - lastDelivery >= deliverEveryMs) handOn(began);
      else if (!deliveryArmed) {
        deliveryArmed = true;
        later(deliveryPass, lastDelivery + deliverEveryMs - read);
      }
    }
    stats.nodes += handled;
    stats.messages += messages.length;
    record(began, read, messages.length);
    enqueue(split, true);
    wake();
  }

  /** Gives onMessages what was collected; a promise it returns is followed until it settles. */
  function handOn(began: number) {
    const batch = collected;
    collected = [];
    lastDelivery = began;
    const pending = onMessages(batch);
    if (pending instanceof Promise) {
      const settled = () => {
        const ms = clock() - began;
        stats.settledPasses++;
        stats.totalSettledMs += ms;
        if (ms > stats.maxSettledMs) stats.maxSettledMs = ms;
      };
      pending.then(settled, settled);
    }
    if (stats.firstScanAt < 0) stats.firstScanAt = clock();
  }

  /** A hand-over on its own, measured like a pass that reads nothing. */
  function deliverNow() {
    if (stopped || collected.length === 0) return;
    const began = clock();
    const count = collected.length;
    handOn(began);
    record(began, began, count);
  }

  function deliveryPass() {
    deliveryArmed = false;
    deliverNow();
  }

  /** Counts a pass that began at `began`, finished reading at `read` and ends now. */
  function record(began: number, read: number, messages: number) {
    const ended = clock();
    const took = ended - began;
    stats.onMessagesMs += ended - read;
    stats.passes++;
    stats.totalPassMs += took;
    if (took > stats.maxPassMs) {
      stats.maxPassMs = took;
      stats.maxPassMessages = messages;
      stats.maxPassReadMs = read - began;
    }
    if (took > SLOW_PASS_MS) stats.slowPasses++;
    if (took >= LONG_PASS_MS && stats.longPassStarts.length < LONG_PASSES_KEPT) stats.longPassStarts.push(began);
  }

  const observer = new MutationObserver((records) => {
    for (let i = 0; i < records.length; i++) {
      // A chat that drops old messages delivers a record per removal: nothing to read there.
      const added = records[i]!.addedNodes;
      if (added.length > 0) enqueue(added, false);
    }
    wake();
  });
  observer.observe(root, { childList: true, subtree: true });
  if (options.includeExisting) {
    enqueue(root instanceof Document ? (root.body ? [root.body] : []) : root.childNodes, true);
    wake();
  }

  return {
    stop() {
      stopped = true;
      observer.disconnect();
      queue = [];
      structuralQueue = [];
      collected = [];
      head = 0;
    },
    pending: waiting,
    flush: deliverNow,
    stats: () => ({ ...stats, longPassStarts: [...stats.longPassStarts] }),
  };
}

/**
 * A container holds message blocks rather than being one: it has no text of its own, only child
 * elements. Oversized elements with children are split too, so one huge paragraph stays readable.
 */
function isContainer(element: Element, oversized: () => boolean): boolean {
  if (element.childElementCount === 0) return false;
  return oversized() || !hasOwnText(element);
}

function hasOwnText(element: Element): boolean {
  for (let child = element.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE && (child.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/**
 * Whether the element is in our panel or the reader's composer (or is one). Messages of one pass
 * mostly share a parent (the chat's list), so a parent found outside both is remembered for the
 * pass: one `matches` per message instead of a `closest` walk to the document's root.
 */
function isIgnored(element: Element, ignored: string, notIgnored: Set<Element>): boolean {
  if (element.matches(ignored)) return true;
  const parent = element.parentElement;
  if (!parent || notIgnored.has(parent)) return false;
  if (parent.closest(ignored)) return true;
  notIgnored.add(parent);
  return false;
}

/**
 * A node inside another node of the same batch is already read with its ancestor. `clear` holds
 * ancestors already known to have no batch node above them (inclusive), so messages appended to
 * the same list cost one parentNode each rather than a walk to the root.
 */
function hasAncestorIn(node: Node, batch: Set<Node>, root: Node, clear: Set<Node>): boolean {
  const walked: Node[] = [];
  let found = false;
  for (let parent = node.parentNode; parent && parent !== root; parent = parent.parentNode) {
    if (clear.has(parent)) break;
    if (batch.has(parent)) {
      found = true;
      break;
    }
    walked.push(parent);
  }
  // Everything walked below a batch node is not clear: only remember a clean walk.
  if (!found) for (const parent of walked) clear.add(parent);
  return found;
}
