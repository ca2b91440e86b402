/**
 * Every bundled pack and lexicon file, by its path under rules/packs. Adding a pack means adding a
 * line here; tests/rules/layout.test.ts fails when this list and the folder disagree.
 */
import enLexicons from './en/lexicons.json';
import enMeeting from './en/meeting.json';
import enPictures from './en/pictures.json';
import enPlatformMove from './en/platform-move.json';
import enSecrecy from './en/secrecy.json';
import enThreats from './en/threats.json';

export const bundledLexiconFiles: Record<string, unknown> = {
  'en/lexicons.json': enLexicons,
};

export const bundledPackFiles: Record<string, unknown> = {
  'en/meeting.json': enMeeting,
  'en/pictures.json': enPictures,
  'en/platform-move.json': enPlatformMove,
  'en/secrecy.json': enSecrecy,
  'en/threats.json': enThreats,
};
