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
  onMessages: (messages: WatchedMessage[]) => void;
  /** Schedules the next pass; the content script passes ctx.requestAnimationFrame so it stops on reload. */
  schedule: (run: () => void) => void;
  /** Also read what is already on the page (an open chat's history). */
  includeExisting?: boolean;
}

export interface Watcher {
  stop(): void;
  /** How many nodes are waiting; for tests and the budget check. */
  pending(): number;
}

export function watchMessages(options: WatcherOptions): Watcher {
  const { root, site, onMessages, schedule } = options;
  // `structural` marks nodes found by splitting (existing content, oversized blocks): they are split
  // further down to their message blocks; a node the page just added is one message.
  const queue: { node: Node; structural: boolean }[] = [];
  let scheduled = false;
  let stopped = false;

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
    const batch = queue.splice(0, MAX_NODES_PER_PASS);
    const inBatch = new Set(batch.map((entry) => entry.node));
    const messages: WatchedMessage[] = [];
    const split: Node[] = [];
    for (const { node, structural } of batch) {
      if (!node.isConnected || hasAncestorIn(node, inBatch, root)) continue;
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
    if (messages.length > 0) onMessages(messages);
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
