/**
 * Groups a conversation's evidence by message for the panel: several rules may hit one message,
 * and the reader should see that message's words once, with every kind of sign it showed.
 * Evidence restored from a stored summary has no words (text is never stored); it is kept apart.
 */
import type { Evidence } from '~/rules/risk';

export interface MessageGroup {
  /** Position of the message in the conversation; also a stable key. */
  message: number;
  /** The matched words, each once, in the order the rules reported them. */
  quotes: string[];
  /** Categories the message showed, each once. */
  categories: string[];
}

export interface EvidenceView {
  /** Messages with their words, newest first. */
  groups: MessageGroup[];
  /** Categories known only from an earlier visit, not already shown with words. */
  earlier: string[];
  /** Every category, newest first, each once. */
  categories: string[];
}

export function groupEvidence(evidence: readonly Evidence[]): EvidenceView {
  const groups: MessageGroup[] = [];
  const byMessage = new Map<number, MessageGroup>();
  const earlier: string[] = [];
  const categories: string[] = [];
  for (const item of evidence) {
    addOnce(categories, item.category);
    if (item.quote === '') {
      addOnce(earlier, item.category);
      continue;
    }
    let group = byMessage.get(item.message);
    if (!group) {
      group = { message: item.message, quotes: [], categories: [] };
      byMessage.set(item.message, group);
      groups.push(group);
    }
    addOnce(group.quotes, item.quote);
    addOnce(group.categories, item.category);
  }
  const quoted = new Set(groups.flatMap((group) => group.categories));
  return { groups, earlier: earlier.filter((category) => !quoted.has(category)), categories };
}

function addOnce(list: string[], value: string): void {
  if (!list.includes(value)) list.push(value);
}
