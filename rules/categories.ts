/**
 * The red-flag categories and the grooming stage each belongs to. Stages follow the models in
 * the research (O'Connell 2003: friendship and relationship forming, risk assessment,
 * exclusivity, sexual stage; Olson et al. 2007; Lorenzo-Dus et al. 2016), plus coercion
 * (threats, sextortion) and exploitation (trafficking-style recruitment) as NCMEC, the FBI and
 * Polaris describe them, and the reader's own disclosures. Educators see the stage names.
 */

export const STAGES = ['trust', 'risk-check', 'exclusivity', 'escalation', 'coercion', 'exploitation', 'self-disclosure'] as const;
export type StageId = (typeof STAGES)[number];

export const CATEGORY_STAGE = {
  flattery: 'trust',
  romance: 'trust',
  gifts: 'trust',
  age: 'risk-check',
  'personal-questions': 'risk-check',
  'personal-info': 'risk-check',
  supervision: 'risk-check',
  secrecy: 'exclusivity',
  isolation: 'exclusivity',
  'platform-move': 'exclusivity',
  pictures: 'escalation',
  'sexual-talk': 'escalation',
  meeting: 'escalation',
  pressure: 'coercion',
  threats: 'coercion',
  recruitment: 'exploitation',
  disclosure: 'self-disclosure',
} as const satisfies Record<string, StageId>;

export type CategoryId = keyof typeof CATEGORY_STAGE;
export const CATEGORIES = Object.keys(CATEGORY_STAGE) as CategoryId[];

export function isCategory(id: string): id is CategoryId {
  return Object.prototype.hasOwnProperty.call(CATEGORY_STAGE, id);
}

/** The stage of a category; unknown categories (user packs) count as trust-building. */
export function stageOf(category: string): StageId {
  return isCategory(category) ? CATEGORY_STAGE[category] : 'trust';
}

/** The furthest stage among some categories, by the order of STAGES (self-disclosure aside). */
export function furthestStage(categories: Iterable<string>): StageId | undefined {
  let best = -1;
  for (const c of categories) {
    const stage = stageOf(c);
    if (stage === 'self-disclosure') continue;
    best = Math.max(best, STAGES.indexOf(stage));
  }
  return best < 0 ? undefined : STAGES[best];
}
