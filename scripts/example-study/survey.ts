import { Random } from './prng';

export type Gender = 'female' | 'male';
export type Role = 'student' | 'resident' | 'chief' | 'attending' | 'administrator';
export type YesNo = 'yes' | 'no';

export interface SurveyRow {
  readonly participant_id: string;
  readonly gender: Gender;
  readonly role: Role;
  readonly overall_mentoring_rating: number;
  readonly rejected_assigned_mentor: YesNo;
  readonly can_differentiate_sponsorship: YesNo | 'NA';
  readonly wants_additional_mentors: YesNo;
  readonly would_seek_menteeship_training: YesNo;
  readonly active_mentors: number;
  readonly burnout_score: number;
  readonly resilience_score: number;
  readonly publications: number;
}

export const SURVEY_COLUMNS: readonly (keyof SurveyRow)[] = [
  'participant_id',
  'gender',
  'role',
  'overall_mentoring_rating',
  'rejected_assigned_mentor',
  'can_differentiate_sponsorship',
  'wants_additional_mentors',
  'would_seek_menteeship_training',
  'active_mentors',
  'burnout_score',
  'resilience_score',
  'publications',
];

/** The published headline figures the example must reproduce exactly (see the README). */
export const TARGETS = {
  participants: 44,
  female: 25,
  roles: { student: 10, resident: 14, chief: 6, attending: 10, administrator: 4 } as Record<Role, number>,
  ratingSum: 141,
  rejected: 19,
  differentiateNA: 3,
  differentiateYes: 18,
  wantsMore: 35,
  seeksTraining: 19,
  femaleMentorSum: 68,
  maleMentorSum: 55,
} as const;

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Nudges integer values by ±1 (random rows, within bounds) until they sum to `target`. */
function forceSum(
  random: Random,
  values: number[],
  indices: readonly number[],
  target: number,
  min: number,
  max: number,
): void {
  let sum = indices.reduce((acc, i) => acc + (values[i] as number), 0);
  let guard = 0;
  while (sum !== target) {
    if (++guard > 100000) throw new Error('forceSum did not converge');
    const i = random.pick(indices);
    const step = sum < target ? 1 : -1;
    const value = (values[i] as number) + step;
    if (value < min || value > max) continue;
    values[i] = value;
    sum += step;
  }
}

const ROLE_MENTORS: Record<Role, number> = {
  student: 2.2,
  resident: 2.7,
  chief: 3.1,
  attending: 3.2,
  administrator: 3.0,
};
const ROLE_BURNOUT: Record<Role, number> = { student: 20, resident: 27, chief: 25, attending: 21, administrator: 17 };
const ROLE_PUBLICATIONS: Record<Role, [number, number]> = {
  student: [0, 3],
  resident: [0, 9],
  chief: [2, 14],
  attending: [9, 62],
  administrator: [25, 95],
};

export function generateSurvey(random: Random): SurveyRow[] {
  const n = TARGETS.participants;
  const ids = Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(2, '0')}`);
  const roles = random.shuffle(
    (Object.entries(TARGETS.roles) as [Role, number][]).flatMap(([role, count]) => Array<Role>(count).fill(role)),
  );
  const femaleSet = random.weightedSample(
    roles.map((role) => (role === 'administrator' ? 0.6 : 1)),
    TARGETS.female,
  );
  const genders: Gender[] = ids.map((_, i) => (femaleSet.has(i) ? 'female' : 'male'));

  // Trainees reject assigned mentors more often than faculty (who mostly recall it from their training).
  const rejectWeight: Record<Role, number> = {
    student: 1.3,
    resident: 1.4,
    chief: 1.1,
    attending: 0.7,
    administrator: 0.5,
  };
  const rejectedSet = random.weightedSample(
    roles.map((role) => rejectWeight[role]),
    TARGETS.rejected,
  );

  const mentors = roles.map((role) => clamp(Math.round(random.normal(ROLE_MENTORS[role], 1.1)), 0, 6));
  const femaleIdx = ids.map((_, i) => i).filter((i) => genders[i] === 'female');
  const maleIdx = ids.map((_, i) => i).filter((i) => genders[i] === 'male');
  forceSum(random, mentors, femaleIdx, TARGETS.femaleMentorSum, 0, 6);
  forceSum(random, mentors, maleIdx, TARGETS.maleMentorSum, 0, 6);

  const ratings = ids.map((_, i) =>
    clamp(Math.round(random.normal(rejectedSet.has(i) ? 2.6 : 3.55, 0.8) + 0.2 * ((mentors[i] as number) - 2.7)), 1, 5),
  );
  forceSum(
    random,
    ratings,
    ids.map((_, i) => i),
    TARGETS.ratingSum,
    1,
    5,
  );

  const burnout = roles.map((role, i) =>
    clamp(
      Math.round(
        random.normal(ROLE_BURNOUT[role] + (rejectedSet.has(i) ? 7 : 0) - 1.5 * ((ratings[i] as number) - 3.2), 8),
      ),
      2,
      52,
    ),
  );
  const resilience = burnout.map((b) => clamp(Math.round(random.normal(36 - 0.32 * b, 3.2)), 8, 40));

  // People with many mentors already are the ones who do not ask for more.
  const wantsSet = random.weightedSample(
    mentors.map((m) => (m >= 5 ? 0.35 : m >= 4 ? 0.7 : 1.4)),
    TARGETS.wantsMore,
  );
  const trainingWeight: Record<Role, number> = {
    student: 1.6,
    resident: 1.3,
    chief: 1.0,
    attending: 0.6,
    administrator: 0.5,
  };
  const trainingSet = random.weightedSample(
    roles.map((role, i) => trainingWeight[role] * (rejectedSet.has(i) ? 1.3 : 1)),
    TARGETS.seeksTraining,
  );
  const naSet = random.weightedSample(
    roles.map((role) => (role === 'student' ? 1.5 : 1)),
    TARGETS.differentiateNA,
  );
  const diffWeight: Record<Role, number> = {
    student: 0.4,
    resident: 0.6,
    chief: 1.0,
    attending: 1.6,
    administrator: 2.2,
  };
  const answered = ids.map((_, i) => i).filter((i) => !naSet.has(i));
  const diffPicked = random.weightedSample(
    answered.map((i) => diffWeight[roles[i] as Role]),
    TARGETS.differentiateYes,
  );
  const diffYes = new Set([...diffPicked].map((k) => answered[k] as number));

  return ids.map((participant_id, i) => {
    const role = roles[i] as Role;
    const [pubMin, pubMax] = ROLE_PUBLICATIONS[role];
    // Skewed towards the low end, as publication counts are.
    const publications = pubMin + Math.floor(Math.pow(random.next(), 1.7) * (pubMax - pubMin + 1));
    return {
      participant_id,
      gender: genders[i] as Gender,
      role,
      overall_mentoring_rating: ratings[i] as number,
      rejected_assigned_mentor: rejectedSet.has(i) ? 'yes' : 'no',
      can_differentiate_sponsorship: naSet.has(i) ? 'NA' : diffYes.has(i) ? 'yes' : 'no',
      wants_additional_mentors: wantsSet.has(i) ? 'yes' : 'no',
      would_seek_menteeship_training: trainingSet.has(i) ? 'yes' : 'no',
      active_mentors: mentors[i] as number,
      burnout_score: burnout[i] as number,
      resilience_score: resilience[i] as number,
      publications,
    };
  });
}

export function surveyCsv(rows: readonly SurveyRow[]): string {
  const lines = [SURVEY_COLUMNS.join(',')];
  for (const row of rows) lines.push(SURVEY_COLUMNS.map((column) => String(row[column])).join(','));
  return lines.join('\n') + '\n';
}
