// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readMessage, readText, textLength } from '~/lib/watch/read-text';

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
  it('reads what readText reads and knows whether textLength is over the cap, in one walk', () => {
    fc.assert(
      fc.property(tree, fc.integer({ min: 1, max: 120 }), (html, max) => {
        const element = document.createElement('div');
        element.innerHTML = html;
        const read = readMessage(element, max);
        // When the count stopped early (oversized) the watcher re-reads with readText, so only
        // the small case must agree on the text.
        expect(read.oversized).toBe(textLength(element) > max);
        if (!read.oversized) expect(read.text).toBe(readText(element, max));
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
