/**
 * Reads the text of one message element without forcing layout: a TreeWalker over text nodes
 * (textContent-like), never innerText, which costs ~100x more because it lays the page out.
 */

/** Elements whose text is code or hidden data, not chat. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG']);

/**
 * Text nodes are joined with a space so words in neighbouring blocks ("hi</div><div>there")
 * don't fuse into one word; the engine ignores the extra spaces.
 */
export function readText(node: Node, maxChars: number): string {
  if (node.nodeType === Node.TEXT_NODE) return (node.nodeValue ?? '').slice(0, maxChars);
  const doc = node.ownerDocument ?? document;
  const walker = doc.createTreeWalker(node, NodeFilter.SHOW_TEXT, {
    acceptNode: (text) =>
      text.parentElement && NOT_TEXT.has(text.parentElement.tagName.toUpperCase())
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const parts: string[] = [];
  let length = 0;
  for (let text = walker.nextNode(); text && length < maxChars; text = walker.nextNode()) {
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
