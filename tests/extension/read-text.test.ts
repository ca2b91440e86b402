// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage, textLength } from '~/lib/watch/read-text';

/**
 * The text a message should read as, written the plain way: every text node outside code and
 * hidden data and not blank, joined with a space, cut at the cap.
 */
function readText(node: Node, maxChars: number): string {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  let length = 0;
  for (let text = walker.nextNode(); text && length < maxChars; text = walker.nextNode()) {
    const tag = text.parentElement?.tagName.toLowerCase() ?? '';
    if (['script', 'style', 'noscript', 'template', 'svg'].includes(tag) || (text.nodeValue ?? '').trim() === '') continue;
    parts.push(text.nodeValue!);
    length += text.nodeValue!.length + 1;
  }
  return parts.join(' ').slice(0, maxChars).trim();
}

/** Small random DOM trees: text (some blank, some long), nested elements, script and style. */
const tree: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('', ' ', '\n  ', 'hi', 'there you', 'x'.repeat(7)),
    fc.integer({ min: 1, max: 40 }).map((n) => 'abc '.repeat(n)),
    fc.tuple(fc.constantFrom('div', 'span', 'p', 'b', 'script', 'style'), fc.array(tie('node'), { maxLength: 4 })).map(
      ([tag, children]) => `<${tag}>${children.join('')}</${tag}>`,
    ),
  ),
})).node;

describe('readMessage', () => {
  it('reads what the plain reading reads, cut at the cap, and knows whether textLength is over it, in one walk', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 120 }), (html, max) => {
        const element = document.createElement('div');
        element.innerHTML = html;
        const read = readMessage(element, max);
        expect(read.oversized).toBe(textLength(element) > max);
        // Oversized too: the watcher keeps a long message's text as read here.
        expect(read.text).toBe(readText(element, max));
      }),
      { numRuns: 400 },
    );
  });

  it('leaves out code and hidden data, and reads every text node when there is none', () => {
    const element = document.createElement('li');
    element.innerHTML = '<span>kai</span><time>9:41</time><p>hi <script>var x = 1</script><b>there</b><style>.a{}</style></p>';
    // Text nodes are joined with a space (the engine ignores doubled ones).
    const words = (text: string) => text.split(/\s+/).join(' ');
    expect(words(readMessage(element, 200).text)).toBe('kai 9:41 hi there');
    expect(words(readText(element, 200))).toBe('kai 9:41 hi there');
    element.innerHTML = '<span>kai</span>\n  <p>see you <b>at</b> practice</p>';
    expect(words(readMessage(element, 200).text)).toBe('kai see you at practice');
  });

  it('reads a text node directly', () => {
    const text = document.createTextNode('hello there');
    expect(readMessage(text, 5)).toEqual({ text: 'hello', oversized: true });
    expect(readMessage(text, 50)).toEqual({ text: 'hello there', oversized: false });
  });
});
