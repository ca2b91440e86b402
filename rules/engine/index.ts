/**
 * The rule engine's public face. Pure TypeScript: runs in the content script, the background,
 * the options page, Node scripts and tests alike.
 */
export type * from './types';
export { SEVERITIES, RULE_DIRECTIONS } from './types';
export { normalise } from './normalise';
export { parsePattern, type PatternNode } from './pattern';
export { parsePackText, parseLexiconText, validatePack, validateLexicons, formatError } from './pack-parser';
export { compileRules, compileRulesInSlices, type Matcher } from './compile';
export type { Slicer } from './slices';
export { matchTokens, scanMessage, scanMessageCounted } from './match';
export { encodeMatcher, decodeMatcher, decodeMatcherInSlices, type WireMatcher } from './wire';
export { sampleTexts, NORMALISER_SAMPLES } from './samples';
