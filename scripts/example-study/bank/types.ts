import type { SurveyRow } from '../survey';

/** What the composer knows about a participant: the survey row plus the names that fill the templates. */
export interface Profile {
  readonly row: SurveyRow;
  /** Filled into `%name%` placeholders. */
  readonly vars: Readonly<Record<string, string>>;
}

export type Predicate = (profile: Profile) => boolean;

/**
 * One answer passage. `text` may contain `%var%` placeholders and coded spans written `{alias,alias:text}`
 * (nestable), with the aliases of CODE_ALIASES; the composer strips the markup and records exact offsets.
 */
export interface Passage {
  readonly text: string;
  readonly when?: Predicate;
}

/** A topic of the interview guide: ways the interviewer asks, and the passages that can answer. */
export interface Topic {
  readonly id: string;
  readonly questions: readonly Passage[];
  readonly answers: readonly Passage[];
  /** Probes for a second passage from the same topic. */
  readonly probes?: readonly string[];
}

export const P = (text: string, when?: Predicate): Passage => (when ? { text, when } : { text });

const r = (profile: Profile): SurveyRow => profile.row;
export const all =
  (...predicates: Predicate[]): Predicate =>
  (p) =>
    predicates.every((q) => q(p));
export const any =
  (...predicates: Predicate[]): Predicate =>
  (p) =>
    predicates.some((q) => q(p));
export const not =
  (predicate: Predicate): Predicate =>
  (p) =>
    !predicate(p);

export const female: Predicate = (p) => r(p).gender === 'female';
export const male: Predicate = (p) => r(p).gender === 'male';
export const student: Predicate = (p) => r(p).role === 'student';
export const resident: Predicate = (p) => r(p).role === 'resident';
export const chief: Predicate = (p) => r(p).role === 'chief';
export const attending: Predicate = (p) => r(p).role === 'attending';
export const admin: Predicate = (p) => r(p).role === 'administrator';
export const trainee: Predicate = any(student, resident, chief);
export const postgrad: Predicate = any(resident, chief);
export const faculty: Predicate = any(attending, admin);
export const clinician: Predicate = not(student);
export const rejected: Predicate = (p) => r(p).rejected_assigned_mentor === 'yes';
export const kept: Predicate = not(rejected);
export const diffYes: Predicate = (p) => r(p).can_differentiate_sponsorship === 'yes';
export const diffNo: Predicate = (p) => r(p).can_differentiate_sponsorship === 'no';
export const diffNA: Predicate = (p) => r(p).can_differentiate_sponsorship === 'NA';
export const wantsMore: Predicate = (p) => r(p).wants_additional_mentors === 'yes';
export const enough: Predicate = not(wantsMore);
export const seeksTraining: Predicate = (p) => r(p).would_seek_menteeship_training === 'yes';
export const noTraining: Predicate = not(seeksTraining);
export const burnHigh: Predicate = (p) => r(p).burnout_score >= 30;
export const burnMid: Predicate = (p) => r(p).burnout_score >= 20 && r(p).burnout_score < 30;
export const burnLow: Predicate = (p) => r(p).burnout_score < 20;
export const resHigh: Predicate = (p) => r(p).resilience_score >= 29;
export const resLow: Predicate = (p) => r(p).resilience_score <= 24;
export const rating =
  (...values: number[]): Predicate =>
  (p) =>
    values.includes(r(p).overall_mentoring_rating);
export const pubsNone: Predicate = (p) => r(p).publications === 0;
export const pubsFew: Predicate = (p) => r(p).publications >= 1 && r(p).publications <= 9;
export const pubsMany: Predicate = (p) => r(p).publications >= 10;
export const mentors =
  (min: number, max = 6): Predicate =>
  (p) =>
    r(p).active_mentors >= min && r(p).active_mentors <= max;

/** Short aliases used inside passage markup, to keep the bank readable. */
export const CODE_ALIASES: Readonly<Record<string, string>> = {
  asg: 'structures-assigned',
  rej: 'structures-rejected',
  inf: 'structures-informal',
  peer: 'structures-peer',
  team: 'structures-team',
  more: 'structures-wants-more',
  conf: 'sponsorship-confusion',
  dist: 'sponsorship-distinguished',
  spon: 'sponsorship-sponsored',
  adv: 'sponsorship-advocacy',
  time: 'barriers-time',
  hier: 'barriers-hierarchy',
  mis: 'barriers-mismatch',
  avail: 'barriers-availability',
  conc: 'identity-concordance',
  model: 'identity-role-models',
  dbl: 'identity-double-standards',
  fam: 'identity-family',
  burn: 'wellbeing-burnout',
  res: 'wellbeing-resilience',
  iso: 'wellbeing-isolation',
  prot: 'wellbeing-protected-time',
  pub: 'career-publications',
  promo: 'career-promotion',
  rsch: 'career-research',
  dir: 'career-direction',
  skill: 'training-skills',
  want: 'training-wanting',
  skep: 'training-skepticism',
};

/** Year of training, from the `stage` template variable ("second-year resident"). */
export const year =
  (...ordinals: string[]): Predicate =>
  (p) =>
    ordinals.some((o) => (p.vars['stage'] ?? '').startsWith(`${o}-year`));
/** Residents past intern year, and chiefs. */
export const pastIntern: Predicate = (p) => p.row.role === 'chief' || (p.row.role === 'resident' && !year('first')(p));
