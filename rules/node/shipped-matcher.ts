/**
 * The packs the extension ships, compiled from disk and encoded (engine/wire.ts): the text of the
 * package's rules/matcher.json (SHIPPED_MATCHER_PATH). Node only: the build writes it
 * (wxt.config.ts) and the tests serve it as the background would.
 */
import { encodeMatcher, formatError } from '../engine';
import { compileFromDisk, PACKS_DIR } from './load-packs';

/** Throws, with each error's file, rule, line and column, when a pack does not compile. */
export function shippedMatcherText(dir: string = PACKS_DIR): string {
  const { errors, matcher } = compileFromDisk(dir);
  if (errors.length > 0) throw new Error(`Rule packs have errors:\n${errors.map(formatError).join('\n')}`);
  return JSON.stringify(encodeMatcher(matcher));
}
