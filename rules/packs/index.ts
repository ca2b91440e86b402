/**
 * Every bundled pack and lexicon file, by its path under rules/packs. Adding a pack means adding a
 * line here; tests/rules/layout.test.ts fails when this list and the folder disagree.
 */
import enAge from './en/age.json';
import enDisclosure from './en/disclosure.json';
import enFlattery from './en/flattery.json';
import enGifts from './en/gifts.json';
import enIsolation from './en/isolation.json';
import enLexicons from './en/lexicons.json';
import enMeeting from './en/meeting.json';
import enPersonalInfo from './en/personal-info.json';
import enPersonalQuestions from './en/personal-questions.json';
import enPictures from './en/pictures.json';
import enPlatformMove from './en/platform-move.json';
import enPressure from './en/pressure.json';
import enRecruitment from './en/recruitment.json';
import enRomance from './en/romance.json';
import enSecrecy from './en/secrecy.json';
import enSexualTalk from './en/sexual-talk.json';
import enSupervision from './en/supervision.json';
import enThreats from './en/threats.json';
import esAge from './es/age.json';
import esDisclosure from './es/disclosure.json';
import esFlattery from './es/flattery.json';
import esGifts from './es/gifts.json';
import esIsolation from './es/isolation.json';
import esLexicons from './es/lexicons.json';
import esMeeting from './es/meeting.json';
import esPersonalInfo from './es/personal-info.json';
import esPersonalQuestions from './es/personal-questions.json';
import esPictures from './es/pictures.json';
import esPlatformMove from './es/platform-move.json';
import esPressure from './es/pressure.json';
import esRecruitment from './es/recruitment.json';
import esRomance from './es/romance.json';
import esSecrecy from './es/secrecy.json';
import esSexualTalk from './es/sexual-talk.json';
import esSupervision from './es/supervision.json';
import esThreats from './es/threats.json';

export const bundledLexiconFiles: Record<string, unknown> = {
  'en/lexicons.json': enLexicons,
  'es/lexicons.json': esLexicons,
};

export const bundledPackFiles: Record<string, unknown> = {
  'en/age.json': enAge,
  'en/disclosure.json': enDisclosure,
  'en/flattery.json': enFlattery,
  'en/gifts.json': enGifts,
  'en/isolation.json': enIsolation,
  'en/meeting.json': enMeeting,
  'en/personal-info.json': enPersonalInfo,
  'en/personal-questions.json': enPersonalQuestions,
  'en/pictures.json': enPictures,
  'en/platform-move.json': enPlatformMove,
  'en/pressure.json': enPressure,
  'en/recruitment.json': enRecruitment,
  'en/romance.json': enRomance,
  'en/secrecy.json': enSecrecy,
  'en/sexual-talk.json': enSexualTalk,
  'en/supervision.json': enSupervision,
  'en/threats.json': enThreats,
  'es/age.json': esAge,
  'es/disclosure.json': esDisclosure,
  'es/flattery.json': esFlattery,
  'es/gifts.json': esGifts,
  'es/isolation.json': esIsolation,
  'es/meeting.json': esMeeting,
  'es/personal-info.json': esPersonalInfo,
  'es/personal-questions.json': esPersonalQuestions,
  'es/pictures.json': esPictures,
  'es/platform-move.json': esPlatformMove,
  'es/pressure.json': esPressure,
  'es/recruitment.json': esRecruitment,
  'es/romance.json': esRomance,
  'es/secrecy.json': esSecrecy,
  'es/sexual-talk.json': esSexualTalk,
  'es/supervision.json': esSupervision,
  'es/threats.json': esThreats,
};
