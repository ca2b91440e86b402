/**
 * The typed protocol between the content script / popup and the background, which alone owns
 * storage. Every request has a `type`; `Responses` says what comes back for each.
 * Alerts carry what happened, where and when; never the message text.
 */
import { browser } from 'wxt/browser';
import type { Level, RiskSummary } from '~/rules/risk';
import type { WireMatcher } from '~/rules/engine';
import type { HelpResource } from '~/rules/help';
import type { Catalog, Language } from '~/lib/i18n';
import type { Settings } from '~/lib/settings-schema';

export interface AlertReport {
  /** Host name of the chat site, e.g. "web.whatsapp.com". */
  site: string;
  rule: string;
  category: string;
  level: Level;
  /** Milliseconds since the epoch. */
  at: number;
}

export type Request =
  /** Alerts to log, text-free; a session sends them together (see conversation-session.ts). */
  | { type: 'alerts'; reports: AlertReport[] }
  /** The stored summary of a conversation (site host + conversation id), or null. */
  | { type: 'get-conversation'; conversation: string }
  /** Stores a conversation's text-free summary (the background copies only known fields). */
  | { type: 'save-conversation'; site: string; conversation: string; summary: RiskSummary }
  /** The level of the conversation the tab shows now: the badge follows it. */
  | { type: 'tab-level'; level: Level }
  | { type: 'get-settings' }
  | { type: 'set-settings'; settings: Partial<Settings> }
  | { type: 'get-tab-level'; tabId: number }
  | { type: 'get-catalog'; language: Language }
  /** The shipped packs as the build compiled them, for a content script to decode (rules/engine/wire.ts). */
  | { type: 'get-matcher' }
  /**
   * Help lines for a region ('auto': the background works it out from the browser's locale and
   * time zone, see detectRegion), in a language.
   */
  | { type: 'get-help'; region: string; language: Language };

export interface Responses {
  alerts: { ok: true };
  'get-conversation': { summary: RiskSummary | null };
  'save-conversation': { ok: true };
  'tab-level': { ok: true };
  'get-settings': Settings;
  'set-settings': Settings;
  'get-tab-level': { level: Level };
  'get-catalog': Catalog;
  'get-matcher': WireMatcher;
  'get-help': HelpResource[];
}

export type RequestType = Request['type'];
export type RequestOf<T extends RequestType> = Extract<Request, { type: T }>;

/** Sends a request to the background and returns its typed answer. */
export function sendToBackground<T extends RequestType>(request: RequestOf<T>): Promise<Responses[T]> {
  return browser.runtime.sendMessage(request) as Promise<Responses[T]>;
}

const REQUEST_TYPES: readonly RequestType[] = [
  'alerts',
  'get-conversation',
  'save-conversation',
  'tab-level',
  'get-settings',
  'set-settings',
  'get-tab-level',
  'get-catalog',
  'get-matcher',
  'get-help',
];

/** Messages can come from any of our pages; check the shape before trusting it. */
export function isRequest(value: unknown): value is Request {
  return (
    typeof value === 'object' &&
    value !== null &&
    REQUEST_TYPES.includes((value as { type?: unknown }).type as RequestType)
  );
}
