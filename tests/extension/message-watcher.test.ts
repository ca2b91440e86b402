// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERIC_SITE, siteFor } from '~/lib/sites';
import { MAX_MESSAGE_CHARS, MAX_NODES_PER_PASS, MAX_WAITING_MESSAGES, watchMessages, type Watcher, type WatcherOptions, type WatchedMessage } from '~/lib/watch/message-watcher';

/** Frames run when the test says so, like a page that has not painted yet. */
function manualFrames() {
  const waiting: (() => void)[] = [];
  return {
    schedule: (run: () => void) => void waiting.push(run),
    count: () => waiting.length,
    runNext: () => waiting.shift()?.(),
  };
}

/** MutationObserver callbacks are microtasks. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let watcher: Watcher | undefined;
let batches: WatchedMessage[][];
let frames: ReturnType<typeof manualFrames>;

beforeEach(() => {
  document.body.innerHTML = '<main><ul id="chat"></ul><div contenteditable="true" id="composer"></div></main>';
  batches = [];
  frames = manualFrames();
});
afterEach(() => watcher?.stop());

let tick = 0;
const start = (includeExisting = false, options: Partial<WatcherOptions> = {}) => {
  watcher = watchMessages({
    root: document,
    site: GENERIC_SITE,
    includeExisting,
    schedule: frames.schedule,
    onMessages: (messages) => batches.push(messages),
    // A clock that moves a microsecond per look: what a pass reads must not depend on how fast
    // happy-dom is on a busy machine (the budget is wall time). Tests of the budget bring their own.
    now: () => (tick += 0.001),
    ...options,
  });
};

function addMessage(text: string, direction?: 'incoming' | 'outgoing') {
  const li = document.createElement('li');
  if (direction) li.setAttribute('data-heads-up-direction', direction);
  li.innerHTML = `<span class="author">Sam</span> <p>${text}</p>`;
  document.getElementById('chat')!.append(li);
  return li;
}

describe('watchMessages', () => {
  it('batches messages added in one frame into one pass', async () => {
    start();
    addMessage("don't tell your mom", 'incoming');
    addMessage('ok', 'outgoing');
    await settle();
    expect(batches).toEqual([]);
    expect(frames.count()).toBe(1);
    frames.runNext();
    expect(batches).toEqual([
      [
        { text: "Sam don't tell your mom", direction: 'incoming' },
        { text: 'Sam ok', direction: 'outgoing' },
      ],
    ]);
  });

  it('reads only what was added, not the messages already seen', async () => {
    start();
    addMessage('first');
    await settle();
    frames.runNext();
    addMessage('second');
    await settle();
    frames.runNext();
    expect(batches.map((batch) => batch.map((m) => m.text))).toEqual([['Sam first'], ['Sam second']]);
  });

  it('reads a message once when its parts arrive with it', async () => {
    start();
    const li = addMessage('hello');
    li.querySelector('p')!.append(document.createElement('b'));
    await settle();
    frames.runNext();
    expect(batches.flat()).toHaveLength(1);
  });

  it('ignores our own panel and what the reader is typing', async () => {
    start();
    const host = document.createElement('heads-up-panel');
    host.textContent = 'This message asks you to keep a secret';
    document.body.append(host);
    document.getElementById('composer')!.append('send me a pic');
    await settle();
    frames.runNext();
    expect(batches).toEqual([]);
  });

  it('reads chat messages and ignores a draft added in the same pass, however deep', async () => {
    start();
    addMessage('first');
    const draft = document.createElement('div');
    draft.innerHTML = '<p><span>dont tell your mom</span></p>';
    document.getElementById('composer')!.append(draft);
    // Added after the draft: its text nodes land in the same pass, below an ignored ancestor.
    draft.querySelector('span')!.append(document.createElement('i'));
    addMessage('second');
    await settle();
    frames.runNext();
    expect(batches.flat().map((m) => m.text)).toEqual(['Sam first', 'Sam second']);
  });

  it('skips script and style text inside a message', async () => {
    start();
    const li = addMessage('hi');
    li.insertAdjacentHTML('beforeend', '<script>var secret = 1</script><style>.x{}</style>');
    await settle();
    frames.runNext();
    expect(batches.flat()[0]?.text).toBe('Sam hi');
  });

  it(`handles at most ${MAX_NODES_PER_PASS} nodes per frame and continues in the next`, async () => {
    start(false, { passBudgetMs: Infinity });
    for (let i = 0; i < MAX_NODES_PER_PASS + 5; i++) addMessage(`message ${i}`);
    await settle();
    frames.runNext();
    expect(batches[0]).toHaveLength(MAX_NODES_PER_PASS);
    expect(watcher!.pending()).toBe(5);
    frames.runNext();
    expect(batches[1]).toHaveLength(5);
    expect(frames.count()).toBe(0);
  });

  it('reads an open chat message by message when asked to include existing content', () => {
    addMessage('one', 'incoming');
    addMessage('two', 'outgoing');
    start(true);
    while (frames.count() > 0) frames.runNext();
    const messages = batches.flat();
    expect(messages.map((m) => m.direction)).toEqual(['incoming', 'incoming', 'outgoing', 'outgoing']);
    expect(messages.map((m) => m.text)).toEqual(['Sam', 'one', 'Sam', 'two']);
  });

  it('stops reading when the pass runs out of time and continues in the next frame', async () => {
    // A clock that advances 1 ms each time it is read: the budget of 3 ms is used up after a few messages.
    let t = 0;
    start(false, { passBudgetMs: 3, now: () => t++ });
    for (let i = 0; i < 10; i++) addMessage(`message ${i}`);
    await settle();
    frames.runNext();
    expect(batches[0]!.length).toBeGreaterThan(0);
    expect(batches[0]!.length).toBeLessThan(10);
    expect(watcher!.pending()).toBe(10 - batches[0]!.length);
    while (frames.count() > 0) frames.runNext();
    expect(batches.flat().map((m) => m.text)).toEqual(Array.from({ length: 10 }, (_, i) => `Sam message ${i}`));
  });

  it('never schedules a pass for removals', async () => {
    const li = addMessage('old');
    start();
    li.remove();
    document.getElementById('chat')!.replaceChildren();
    await settle();
    expect(frames.count()).toBe(0);
    expect(watcher!.pending()).toBe(0);
  });

  it('splits an oversized block with child elements into its messages, and reads an oversized text as one', async () => {
    start();
    const long = 'word '.repeat(MAX_MESSAGE_CHARS / 5);
    const block = document.createElement('div');
    block.innerHTML = `<div>${long}</div><div>short one</div>`;
    const paragraph = document.createElement('p');
    paragraph.textContent = `${long}${long}`;
    document.getElementById('chat')!.append(block, paragraph);
    await settle();
    while (frames.count() > 0) frames.runNext();
    // The paragraph is read in the first pass; the block's children, found by splitting, in the next.
    const texts = batches.flat().map((m) => m.text);
    expect(texts).toEqual([long.slice(0, MAX_MESSAGE_CHARS).trim(), long.trim(), 'short one']);
  });

  it('stops observing when stopped', async () => {
    start();
    watcher!.stop();
    addMessage('after stop');
    await settle();
    expect(frames.count()).toBe(0);
    expect(batches).toEqual([]);
  });
});

describe('site adapters', () => {
  it('uses a site selector for direction when the page has no attribute', async () => {
    watcher = watchMessages({
      root: document,
      site: siteFor('web.whatsapp.com'),
      schedule: frames.schedule,
      onMessages: (messages) => batches.push(messages),
    });
    document.getElementById('chat')!.insertAdjacentHTML('beforeend', '<div class="message-out"><span>see you</span></div>');
    document.getElementById('chat')!.insertAdjacentHTML('beforeend', '<div><span>who is this</span></div>');
    await settle();
    frames.runNext();
    expect(batches.flat().map((m) => m.direction)).toEqual(['outgoing', 'unknown']);
  });

  it('counts its passes, messages and cost for the benchmark', async () => {
    start();
    expect(watcher!.stats().firstScanAt).toBe(-1);
    addMessage('one');
    addMessage('two');
    await settle();
    frames.runNext();
    const stats = watcher!.stats();
    expect(stats).toMatchObject({ passes: 1, messages: 2, nodes: 2, maxPassMessages: 2 });
    expect(stats.firstScanAt).toBeGreaterThanOrEqual(stats.startedAt);
    expect(stats.onMessagesMs).toBeLessThanOrEqual(stats.totalPassMs);
    expect(stats.settledPasses).toBe(0);
  });

  it('counts the time until a promise from onMessages settles, without waiting for it', async () => {
    let release = () => {};
    watcher = watchMessages({
      root: document,
      site: GENERIC_SITE,
      schedule: frames.schedule,
      onMessages: () => new Promise<void>((resolve) => (release = resolve)),
    });
    addMessage('one');
    await settle();
    frames.runNext();
    expect(watcher.stats()).toMatchObject({ passes: 1, settledPasses: 0 });
    release();
    await settle();
    expect(watcher.stats().settledPasses).toBe(1);
    expect(watcher.stats().maxSettledMs).toBeGreaterThanOrEqual(0);
  });

  describe('handing on in batches (deliverEveryMs)', () => {
    let time: number;
    let timers: { run: () => void; at: number }[];
    const startBatched = () =>
      start(false, {
        deliverEveryMs: 250,
        now: () => time,
        later: (run, ms) => void timers.push({ run, at: time + ms }),
      });
    const frame = async (...texts: string[]) => {
      for (const text of texts) addMessage(text);
      await settle();
      frames.runNext();
    };
    const texts = () => batches.map((batch) => batch.map((m) => m.text.replace('Sam ', '')));
    /** "one" handed on at once, then "two" a frame later, held back on a timer. */
    const oneThenTwo = async () => {
      await frame('one');
      time += 16;
      await frame('two');
    };
    beforeEach(() => {
      time = 1000;
      timers = [];
    });

    it('hands on the first messages after a quiet spell at once, then at most once per interval', async () => {
      startBatched();
      await frame('one');
      expect(texts()).toEqual([['one']]);
      time += 16;
      await frame('two', 'three');
      time += 16;
      await frame('four');
      // Not yet: one timer waits for the end of the interval that began with "one".
      expect(texts()).toEqual([['one']]);
      expect(timers.map((t) => t.at)).toEqual([1250]);
      time = 1250;
      timers.shift()!.run();
      expect(texts()).toEqual([['one'], ['two', 'three', 'four']]);
      // A pass of its own: counted, with nothing read.
      expect(watcher!.stats()).toMatchObject({ passes: 4, messages: 4 });
      // After a quiet spell, at once again.
      time = 2000;
      await frame('five');
      expect(texts()).toEqual([['one'], ['two', 'three', 'four'], ['five']]);
      expect(timers).toEqual([]);
    });

    it('hands on what waits when flushed, and the timer then finds nothing', async () => {
      startBatched();
      await oneThenTwo();
      watcher!.flush();
      expect(texts()).toEqual([['one'], ['two']]);
      timers.shift()!.run();
      expect(batches).toHaveLength(2);
      watcher!.flush();
      expect(batches).toHaveLength(2);
    });

    it(`hands a flood on at once when ${MAX_WAITING_MESSAGES} messages wait`, async () => {
      startBatched();
      await frame('first');
      time += 16;
      const chat = document.getElementById('chat')!;
      chat.insertAdjacentHTML('beforeend', Array.from({ length: MAX_WAITING_MESSAGES }, (_, i) => `<li>m${i}</li>`).join(''));
      await settle();
      // 200 nodes per pass: the third pass brings the count to 500.
      frames.runNext();
      frames.runNext();
      expect(batches).toHaveLength(1);
      frames.runNext();
      expect(batches).toHaveLength(2);
      expect(batches[1]).toHaveLength(MAX_WAITING_MESSAGES);
    });

    it('drops what waits when stopped', async () => {
      startBatched();
      await oneThenTwo();
      watcher!.stop();
      timers.shift()!.run();
      watcher!.flush();
      expect(texts()).toEqual([['one']]);
    });
  });

  it('falls back to the generic adapter on unknown hosts and matches subdomains', () => {
    expect(siteFor('example.org')).toBe(GENERIC_SITE);
    expect(siteFor('web.telegram.org').host).toBe('web.telegram.org');
    expect(siteFor('k.web.telegram.org').host).toBe('web.telegram.org');
  });
});
