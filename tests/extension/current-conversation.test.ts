// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { trackCurrentConversation } from '~/lib/current-conversation';

/** Lets the MutationObserver deliver its records. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('trackCurrentConversation', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('looks the conversation up once, not per call', async () => {
    const location = { host: 'chat.example', pathname: '/app' };
    const tracker = trackCurrentConversation(location, document);
    expect(tracker.get()).toBe('chat.example/app');
    // A path change without invalidate() is not seen: the content script invalidates on navigation.
    location.pathname = '/other';
    expect(tracker.get()).toBe('chat.example/app');
    tracker.invalidate();
    expect(tracker.get()).toBe('chat.example/other');
    tracker.stop();
  });

  it('notices the page setting or changing its conversation mark', async () => {
    const list = document.createElement('div');
    document.body.append(list);
    const tracker = trackCurrentConversation({ host: 'chat.example', pathname: '/app' }, document);
    expect(tracker.get()).toBe('chat.example/app');
    list.setAttribute('data-heads-up-conversation', 'thread-1');
    await settle();
    expect(tracker.get()).toBe('chat.example/app#thread-1');
    list.setAttribute('data-heads-up-conversation', 'thread-2');
    await settle();
    expect(tracker.get()).toBe('chat.example/app#thread-2');
    tracker.stop();
  });
});
