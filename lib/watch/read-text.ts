/**
 * Reads the text of one message element without forcing layout: a TreeWalker over text nodes
 * (textContent-like), never innerText, which costs ~100x more because it lays the page out.
 */

/**
 * Elements whose text is code or hidden data, not chat. Both cases: HTML tag names are upper case,
 * SVG's are not, and a set lookup avoids a toUpperCase() string per text node.
 */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'script', 'style', 'noscript', 'template', 'svg']);

/**
 * Text nodes are joined with a space so words in neighbouring blocks ("hi</div><div>there")
 * don't fuse into one word; the engine ignores the extra spaces.
 *
 * The walker has no JavaScript filter: a filter is a call from C++ into JS per text node, which
 * made reading a message about twice as slow (measured in Chromium, docs/performance.md). Text
 * nodes have no children, so skipping them in the loop is the same as rejecting them in a filter.
 */
export function readText(node: Node, maxChars: number): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.nodeValue ?? '').slice(0, maxChars);
  const doc = node.ownerDocument ?? document;
  const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let text = walker.nextNode(); text && length < maxChars; text = walker.nextNode()) {
    const parent = text.parentElement;
    if (parent && NOT_TEXT.has(parent.tagName)) continue;
    const value = text.nodeValue ?? '';
    if (value.trim() === '') continue;
    parts.push(value);
    length += value.length + 1;
  }
  return parts.join(' ').slice(0, maxChars).trim();
}

/** The length of an element's text, cheaply (textContent does not lay out). */
export function textLength(node: Node): number {
  return node.textContent?.length ?? 0;
}
