/**
 * Reads the text of one message element without forcing layout: a TreeWalker over text nodes
 * (textContent-like), never innerText, which costs ~100x more because it lays the page out.
 */

/**
 * Elements whose text is code or hidden data, not chat. Both cases: HTML tag names are upper case,
 * SVG's are not, and a set lookup avoids a toUpperCase() string per text node.
 */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'script', 'style', 'noscript', 'template', 'svg']);
/** The same elements as a selector: one look per message says whether any text node needs the check. */
const NOT_TEXT_SELECTOR = 'script, style, noscript, template, svg';

/**
 * Whether a text node's parent must be looked at. In a content script every node touched gets a
 * wrapper object of its own in the extension's isolated world (the page's wrappers are not
 * shared), so a parent look-up per text node nearly doubles the nodes a message costs; chat
 * messages seldom hold code, so one querySelector per message usually saves them all.
 */
function holdsNonText(node: Node): boolean {
  const query = (node as Partial<ParentNode>).querySelector;
  return query === undefined || query.call(node, NOT_TEXT_SELECTOR) !== null;
}

/** Whether a string is empty or only whitespace, without making a trimmed copy. */
const BLANK = /^\s*$/;

/**
 * BLANK.test, but most text nodes start with a visible character, which one comparison settles:
 * below U+1680 only controls, the space and U+00A0 are whitespace to `\s`.
 */
function isBlank(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first > 0x20 && first < 0x1680 && first !== 0xa0) return false;
  return BLANK.test(value);
}

export interface ReadMessage {
  /** The text, at most maxChars long: a message is read in full unless it is oversized. */
  text: string;
  /** Whether textLength(node) > maxChars: the node may be a container of messages. */
  oversized: boolean;
}

/**
 * Text nodes are joined with a space so words in neighbouring blocks ("hi</div><div>there")
 * don't fuse into one word; the engine ignores the extra spaces.
 *
 * The walker has no JavaScript filter: a filter is a call from C++ into JS per text node, which
 * made reading a message about twice as slow (measured in Chromium, docs/performance.md). Text
 * nodes have no children, so skipping them in the loop is the same as rejecting them in a filter.
 *
 * The text and `textLength(node) > maxChars` come from one walk: a message's text nodes are
 * visited anyway, and their lengths add up to textContent's, so the common small message costs no
 * separate textContent string. Counting stops as soon as the answer is known, after the text is.
 */
export function readMessage(node: Node, maxChars: number): ReadMessage {
  if (node.nodeType === Node.TEXT_NODE) {
    const value = node.nodeValue ?? '';
    return { text: value.slice(0, maxChars), oversized: value.length > maxChars };
  }
  const walker = walkerDocument(node).createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const check = holdsNonText(node);
  const parts: string[] = [];
  let length = 0;
  let total = 0;
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const value = text.nodeValue ?? '';
    total += value.length;
    if (length < maxChars) {
      if ((check && isNonText(text)) || isBlank(value)) continue;
      parts.push(value);
      length += value.length + 1;
    } else if (total > maxChars) break;
  }
  return { text: parts.join(' ').slice(0, maxChars).trim(), oversized: total > maxChars };
}

/**
 * The document whose createTreeWalker to call. A walker's root may be in any document, so one is
 * kept: `node.ownerDocument` (or the global `document`, a getter on the window) is a DOM read per
 * message from the extension's world.
 */
let walkerDoc: Document | undefined;
function walkerDocument(node: Node): Document {
  return (walkerDoc ??= node.ownerDocument ?? document);
}

function isNonText(text: Node): boolean {
  const parent = text.parentElement;
  return parent !== null && NOT_TEXT.has(parent.tagName);
}

/** The length of an element's text, cheaply (textContent does not lay out). */
export function textLength(node: Node): number {
  return node.textContent?.length ?? 0;
}
