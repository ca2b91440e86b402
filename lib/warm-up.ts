/**
 * Start-up warm-up for the content script. A function's first call compiles it, and the first
 * message that passes the anchor filter runs the thread simulation, the hits and the risk code for
 * the first time: in a page those first calls made a busy chat's first batches 5-12 ms long
 * (docs/performance.md, "Largest batch"). Scanning a few texts, once, at start-up (texts that
 * take the normaliser's rarer paths, then texts made from the rules) moves that cost out of the
 * chat's batches, and gives V8 the type feedback those paths need before it optimises them.
 */
import { NORMALISER_SAMPLES, sampleTexts, type Matcher } from '~/rules/engine';
import { ConversationMonitor } from '~/lib/conversation-monitor';

/** Texts from the rules scanned: enough to reach the engine's stages, few enough to stay a short task. */
export const WARM_UP_TEXTS = 6;
/** Site and conversation of the throw-away monitor: no page has them. */
const WARM_UP = 'heads-up:warm-up';

/**
 * Scans texts that take the normaliser's other paths (emoji, accents, leetspeak...), then (after
 * `pause`: each part is a task of its own, a few ms on a slow laptop) texts from the rules, in a
 * monitor of its own, thrown away after: nothing reaches the page's conversations, the panel or
 * the background. Resolves to how many texts were scanned.
 */
export async function warmUp(matcher: Matcher, pause: () => Promise<void>): Promise<number> {
  const monitor = new ConversationMonitor(matcher, WARM_UP);
  monitor.restore(WARM_UP);
  const scan = (texts: readonly string[]) => monitor.scan(WARM_UP, texts.map((text) => ({ text, direction: 'unknown' as const }))).next;
  // The normaliser's samples first: their feedback must be there before V8 optimises the code
  // (see NORMALISER_SAMPLES).
  const samples = scan(NORMALISER_SAMPLES);
  await pause();
  return samples + scan(sampleTexts(matcher, WARM_UP_TEXTS));
}
