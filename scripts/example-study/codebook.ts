import type { Code, CodeRelation } from '../../src/core/model';
import { Random } from './prng';

interface CodeSpec {
  readonly id: string;
  readonly name: string;
  readonly definition: string;
  readonly memo?: string;
}

interface CategorySpec extends CodeSpec {
  /** Tableau 10 colour of the category; its codes get lighter tints of it. */
  readonly color: string;
  readonly codes: readonly CodeSpec[];
}

const CATEGORIES: readonly CategorySpec[] = [
  {
    id: 'structures',
    name: 'Mentorship structures',
    color: '#4e79a7',
    definition:
      'How mentoring relationships are set up and held: formal and informal, one mentor or several. Category: code its children, not this.',
    codes: [
      {
        id: 'structures-assigned',
        name: 'Assigned mentor',
        definition:
          'Use for talk about a mentor allocated by a program, department or school, whatever the quality of the relationship. Not for a mentor the participant found themselves (informal mentor), and not for ending the relationship (rejected assigned mentor).',
      },
      {
        id: 'structures-rejected',
        name: 'Rejected assigned mentor',
        definition:
          'Use when the participant ended, left, asked to change, or let lapse the assigned mentor relationship, including quietly disengaging ("ghosting"). Also code the participant reflecting on that decision. Not for a relationship that is merely weak but continues.',
        memo: 'In vivo phrases: "I just stopped going", "I ghosted, a little". Participants frame it as loss and as agency at once; see the memo "Rejecting the assigned mentor as an act of agency".',
      },
      {
        id: 'structures-informal',
        name: 'Informal mentor',
        definition:
          'Use for mentoring relationships that began without a program: met on a rotation, at a conference, through a project. Not for peers at the same stage (peer mentorship).',
      },
      {
        id: 'structures-peer',
        name: 'Peer mentorship',
        definition:
          'Use for guidance from people at the same or a near stage: co-residents, a year-ahead student, writing groups, group chats. Not for senior informal mentors.',
      },
      {
        id: 'structures-team',
        name: 'Multiple mentors / mentoring team',
        definition:
          'Use when the participant describes several mentors with different functions, a "board of directors", or argues that no single mentor can do everything. Not for a mere count of mentors without that idea.',
      },
      {
        id: 'structures-wants-more',
        name: 'Wanting more mentors',
        definition:
          'Use for expressed wishes for additional or different mentors, or for mentoring that is missing. Not for wanting training (training: wanting training).',
      },
    ],
  },
  {
    id: 'sponsorship',
    name: 'Sponsorship',
    color: '#f28e2b',
    definition:
      'Sponsorship (someone using their influence to advance the participant) and how it is told apart from mentorship. Category.',
    codes: [
      {
        id: 'sponsorship-confusion',
        name: 'Sponsorship–mentorship confusion',
        definition:
          'Use when the participant cannot tell sponsorship from mentorship, equates them, guesses (a sponsor "funds you"), or says they skipped the question. Not when they draw the distinction, even hesitantly.',
        memo: 'Check against the survey item can_differentiate_sponsorship: the confusion is sharper in talk than in the tick box.',
      },
      {
        id: 'sponsorship-distinguished',
        name: 'Distinguishing sponsorship',
        definition:
          'Use when the participant articulates a difference between mentoring (advice, development) and sponsoring (advocacy, spending reputation, access). Not for reports of being sponsored without the distinction (being sponsored).',
      },
      {
        id: 'sponsorship-sponsored',
        name: 'Being sponsored',
        definition:
          'Use for concrete episodes in which someone advanced the participant: nominated, vouched, put forward, wrote the letter that mattered. Also its absence ("never had a sponsor").',
      },
      {
        id: 'sponsorship-advocacy',
        name: 'Advocacy for opportunities',
        definition:
          'Use for advocacy as a practice: saying names in rooms, who gets invited onto projects, the participant advocating for others. Not for a single episode of the participant being sponsored.',
      },
    ],
  },
  {
    id: 'barriers',
    name: 'Barriers',
    color: '#e15759',
    definition: 'What gets in the way of mentoring. Category.',
    codes: [
      {
        id: 'barriers-time',
        name: 'Time pressure',
        definition:
          'Use for lack of time on either side: clinical load, the inbox, schedules that never align, rotations too short. Not for a mentor who has time but does not make it (mentor unavailable).',
      },
      {
        id: 'barriers-hierarchy',
        name: 'Hierarchy',
        definition:
          'Use for power differences that shape mentoring: fear of being honest with evaluators, unwritten rules, culture of waiting to be noticed.',
      },
      {
        id: 'barriers-mismatch',
        name: 'Mismatch of interests',
        definition:
          'Use when mentor and mentee differ in field, values, career goals or life stage and the participant says it matters. Not for personality clashes without that content.',
      },
      {
        id: 'barriers-availability',
        name: 'Mentor unavailable',
        definition:
          'Use for mentors who cancel, do not answer, are overloaded with mentees, or are physically out of reach.',
      },
    ],
  },
  {
    id: 'identity',
    name: 'Gender and identity',
    color: '#b07aa1',
    definition: 'Gender and other identities in mentoring. Category.',
    codes: [
      {
        id: 'identity-concordance',
        name: 'Gender concordance',
        definition:
          'Use for talk about whether a mentor sharing the participant\'s gender (or not) matters, including "it never came up". Not for role models in general (lack of role models).',
      },
      {
        id: 'identity-role-models',
        name: 'Lack of role models',
        definition:
          'Use when the participant has not seen people like them (women, people of colour, first-generation, LGBTQ+) in senior positions, or describes the few who exist as overloaded.',
      },
      {
        id: 'identity-double-standards',
        name: 'Double standards',
        definition:
          'Use for the same behaviour judged differently by gender (or another identity): "too direct" versus "leadership", invisible service work, being mistaken for a nurse.',
        memo: 'Male participants mostly report double standards they witness; female participants mostly report ones they live. Worth a comparison by gender.',
      },
      {
        id: 'identity-family',
        name: 'Parenthood and caregiving',
        definition: 'Use for children, pregnancy, caregiving and partners as they bear on mentoring and careers.',
      },
    ],
  },
  {
    id: 'wellbeing',
    name: 'Wellbeing',
    color: '#59a14f',
    definition: 'Burnout, resilience and what sustains or drains the participant. Category.',
    codes: [
      {
        id: 'wellbeing-burnout',
        name: 'Burnout',
        definition:
          'Use for exhaustion, cynicism, detachment, thoughts of leaving, or the participant naming burnout, at any intensity (including "tired, not burnt out"). Not for ordinary busyness alone (time pressure).',
      },
      {
        id: 'wellbeing-resilience',
        name: 'Resilience',
        definition:
          'Use for what helps the participant recover or persist: boundaries, therapy, exercise, faith, perspective, people.',
      },
      {
        id: 'wellbeing-isolation',
        name: 'Isolation',
        definition:
          'Use for feeling alone, unseen, or without anyone to check in with. Not for choosing independence without distress.',
      },
      {
        id: 'wellbeing-protected-time',
        name: 'Protected time',
        definition: 'Use for protected time for research, mentoring or rest: having it, losing it, negotiating for it.',
      },
    ],
  },
  {
    id: 'career',
    name: 'Career outcomes',
    color: '#edc948',
    definition: 'What mentoring does (or fails to do) for careers. Category.',
    codes: [
      {
        id: 'career-publications',
        name: 'Publications',
        definition: 'Use for papers, abstracts and publication counts, including having none.',
      },
      {
        id: 'career-promotion',
        name: 'Promotion',
        definition: 'Use for academic promotion: criteria, dossiers, timing, what counts.',
      },
      {
        id: 'career-research',
        name: 'Research productivity',
        definition:
          'Use for research projects, grants, collaborations and research careers beyond the publication count.',
      },
      {
        id: 'career-direction',
        name: 'Career direction',
        definition: 'Use for choosing a specialty, a track, or whether to do research at all.',
      },
    ],
  },
  {
    id: 'training',
    name: 'Training',
    color: '#76b7b2',
    definition: 'Menteeship skills and training in how to be mentored. Category.',
    codes: [
      {
        id: 'training-skills',
        name: 'Menteeship skills',
        definition:
          'Use for the skills of being a mentee: setting agendas, asking for things, managing up, ending a relationship well; having or lacking them.',
      },
      {
        id: 'training-wanting',
        name: 'Wanting training',
        definition: 'Use when the participant says they would seek, or would have liked, training in being a mentee.',
      },
      {
        id: 'training-skepticism',
        name: 'Skepticism about training',
        definition:
          'Use for doubts about menteeship training: "one more module", learned by doing, shifts the problem onto individuals.',
        memo: 'Skepticism often comes with a structural critique (time, hierarchy): code those too, they are the reason given.',
      },
    ],
  },
];

/** Mixes a #rrggbb colour towards white by `amount` (0–1). */
function tint(color: string, amount: number): string {
  const channels = [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));
  return (
    '#' +
    channels
      .map((c) =>
        Math.round(c + (255 - c) * amount)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  );
}

export function buildCodebook(random: Random): Code[] {
  const codes: Code[] = [];
  for (const category of CATEGORIES) {
    codes.push(
      withOptional(
        { id: category.id, name: category.name, color: category.color, definition: category.definition },
        category.memo,
      ),
    );
    category.codes.forEach((spec, index) => {
      const color = tint(category.color, 0.25 + (0.45 * index) / Math.max(1, category.codes.length - 1));
      codes.push(
        withOptional(
          { id: spec.id, name: spec.name, parent: category.id, color, definition: spec.definition },
          spec.memo,
        ),
      );
    });
  }
  codes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // GUIDs are drawn after sorting so that each code's GUID depends only on its place in the sorted list.
  return codes.map((code) => ({ ...code, guid: random.uuid() }));
}

function withOptional(code: Code, memo: string | undefined): Code {
  return memo === undefined ? code : { ...code, memo };
}

/** The core category the example's theory is integrated around (selective coding). */
export const CORE_CATEGORY = 'sponsorship';

/** Axial coding of the example: how the categories' codes relate, each with the memo that argues it. */
export const EXAMPLE_RELATIONS: readonly CodeRelation[] = [
  {
    from: 'barriers-time',
    type: 'causes',
    to: 'barriers-availability',
    memo: 'Mentors with a full clinical load cancel first: unavailability is mostly time pressure on their side.',
  },
  {
    from: 'barriers-time',
    type: 'causes',
    to: 'wellbeing-burnout',
    memo: 'The same schedules that leave no room for mentoring leave none for rest.',
  },
  {
    from: 'barriers-hierarchy',
    type: 'causes',
    to: 'wellbeing-isolation',
    memo: 'Not being able to be honest with the people who evaluate you leaves you alone with the problem.',
  },
  {
    from: 'sponsorship-advocacy',
    type: 'causes',
    to: 'career-promotion',
    memo: 'Promotions follow a senior person speaking for the candidate, more than the dossier itself.',
  },
  { from: 'identity-role-models', type: 'is-condition-for', to: 'career-direction' },
  {
    from: 'structures-peer',
    type: 'is-strategy-for',
    to: 'wellbeing-isolation',
    memo: 'Peer groups are what participants build when hierarchy makes senior mentors unsafe to confide in.',
  },
  { from: 'wellbeing-protected-time', type: 'is-condition-for', to: 'career-research' },
  { from: 'barriers-mismatch', type: 'associated-with', to: 'structures-rejected' },
  { from: 'training-skepticism', type: 'contradicts', to: 'training-wanting' },
];
