/**
 * Reading one message of a conversation: match it, update the conversation's risk, and decide
 * whether the panel shows. The content script and `npm run scan` both call this, so the scanner
 * reports exactly the decision the extension makes.
 */
import { scanMessage, type Direction, type Hit, type Matcher } from './engine';
import { opensPanel, type Assessment, type ConversationRisk } from './risk';

export interface MessageVerdict {
  hits: Hit[];
  assessment: Assessment;
  /** The panel opens (or refreshes) for this message. */
  alert: boolean;
}

export function readMessage(matcher: Matcher, risk: ConversationRisk, text: string, direction: Direction, now: number): MessageVerdict {
  const hits = scanMessage(matcher, text, direction);
  const assessment = risk.add(hits, direction, now);
  return { hits, assessment, alert: opensPanel(assessment) };
}
