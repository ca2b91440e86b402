/**
 * Which conversation the page shows, remembered between batches. Looking it up means a
 * `querySelector` for the page's conversation mark, which on a chat site without one walks the
 * whole document: far too much to do for every batch of messages. So the id is looked up again
 * only when it can have changed: after a navigation (the content script calls `invalidate`) or
 * when a conversation mark is set, changed or removed (observed here).
 */
import { CONVERSATION_ATTRIBUTE, conversationId } from '~/lib/conversation-monitor';

export interface CurrentConversation {
  /** The conversation id now (computed once, then cached until something changes). */
  get(): string;
  /** Forget the cached id; the next get() looks again. */
  invalidate(): void;
  stop(): void;
}

export function trackCurrentConversation(location: Pick<Location, 'host' | 'pathname'>, doc: Document): CurrentConversation {
  let cached: string | undefined;
  // Attribute records for one attribute name are filtered by the browser: no cost per message.
  const marks = new MutationObserver(() => (cached = undefined));
  marks.observe(doc, { attributes: true, attributeFilter: [CONVERSATION_ATTRIBUTE], subtree: true });
  return {
    get: () => (cached ??= conversationId(location, doc)),
    invalidate: () => (cached = undefined),
    stop: () => marks.disconnect(),
  };
}
