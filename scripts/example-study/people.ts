import type { Profile } from './bank/types';
import { Random } from './prng';
import type { Role, SurveyRow } from './survey';

interface Person {
  readonly name: string;
  readonly she: boolean;
}

// Fictional names, chosen to include non-ASCII letters (offsets are code points, not UTF-16 units).
const ASSIGNED: readonly Person[] = [
  { name: 'Dr. Feldman', she: false },
  { name: 'Dr. Harrington', she: true },
  { name: 'Dr. Castellanos', she: false },
  { name: 'Dr. Whitaker', she: true },
  { name: 'Dr. Adeyemi', she: false },
  { name: 'Dr. Novak', she: true },
  { name: 'Dr. Kowalczyk', she: false },
  { name: 'Dr. Brennan', she: true },
  { name: 'Dr. Osei', she: false },
  { name: 'Dr. Park', she: true },
  { name: 'Dr. Sørensen', she: false },
  { name: 'Dr. Morales', she: true },
  { name: 'Dr. Goldberg', she: false },
  { name: 'Dr. Chaudhry', she: true },
  { name: 'Dr. Reyes', she: false },
  { name: 'Dr. Duarte', she: true },
  { name: 'Dr. Fitzgerald', she: false },
  { name: 'Dr. Yamamoto', she: true },
  { name: 'Dr. Rossi', she: false },
  { name: 'Dr. Lindgren', she: false },
  { name: 'Dr. Abernathy', she: true },
  { name: 'Dr. Mwangi', she: false },
];

const INFORMAL: readonly Person[] = [
  { name: 'Dr. Ibáñez', she: true },
  { name: 'Dr. Nguyễn', she: false },
  { name: 'Inés', she: true },
  { name: 'Dr. Müller', she: false },
  { name: 'Dr. Okonkwo', she: true },
  { name: 'Dr. Hassan', she: false },
  { name: 'Dr. Pérez', she: true },
  { name: 'Dr. Björk', she: true },
  { name: 'Dr. Côté', she: false },
  { name: 'Dr. Achebe', she: true },
  { name: 'Dr. Raghunathan', she: false },
  { name: 'Dr. Łukasik', she: true },
  { name: 'Dr. Tanaka', she: false },
  { name: 'Dr. Ó Briain', she: true },
  { name: 'Dr. Haddad', she: false },
  { name: 'Dr. Weiß', she: true },
  { name: 'Dr. Solís', she: false },
  { name: 'Dr. Bernstein', she: true },
];

const PEERS = [
  'Renée',
  'Tomás',
  'Zoë',
  'Priya',
  'Marcus',
  'Aoife',
  'Jordan',
  'Chloé',
  'Diego',
  'Hannah',
  'Kwame',
  'Sofía',
  'Ben',
  'Mei',
  'Noé',
];

const SPECIALTIES: Record<Role, readonly string[]> = {
  student: [
    'internal medicine',
    'surgery',
    'pediatrics',
    'emergency medicine',
    'psychiatry',
    'family medicine',
    'neurology',
    'obstetrics and gynecology',
  ],
  resident: [
    'internal medicine',
    'general surgery',
    'pediatrics',
    'emergency medicine',
    'psychiatry',
    'family medicine',
    'anesthesiology',
    'neurology',
  ],
  chief: ['internal medicine', 'pediatrics', 'general surgery', 'emergency medicine'],
  attending: [
    'cardiology',
    'pediatrics',
    'general surgery',
    'internal medicine',
    'emergency medicine',
    'psychiatry',
    'obstetrics and gynecology',
    'radiology',
  ],
  administrator: ['internal medicine', 'pediatrics', 'anesthesiology', 'family medicine'],
};

const ORDINAL = ['', 'first', 'second', 'third', 'fourth'];
const NUMBER_WORDS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];
const INTERVIEWERS = ['R. Okafor', 'M. Lindqvist'];

export interface Participant {
  readonly profile: Profile;
  readonly header: { readonly role: string; readonly date: string; readonly interviewer: string };
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const numberWord = (n: number): string => NUMBER_WORDS[n] ?? String(n);

export function makeParticipant(row: SurveyRow, index: number, random: Random): Participant {
  const specialty = random.pick(SPECIALTIES[row.role]);
  const assigned = ASSIGNED[(index * 7) % ASSIGNED.length] as Person;
  // Women more often name a woman as their informal mentor, as in the literature.
  const wantShe = random.chance(row.gender === 'female' ? 0.7 : 0.45);
  const informal = random.pick(INFORMAL.filter((p) => p.she === wantShe));
  let stage = '';
  let role = '';
  switch (row.role) {
    case 'student': {
      const year = random.int(2, 4);
      stage = `${ORDINAL[year]}-year medical student`;
      role = `Medical student (MS${year})`;
      break;
    }
    case 'resident': {
      const year = random.int(1, 3);
      stage = `${ORDINAL[year]}-year resident`;
      role = `Resident (PGY-${year})`;
      break;
    }
    case 'chief':
      stage = 'chief resident';
      role = `Chief resident (${capitalize(specialty)})`;
      break;
    case 'attending':
      stage = 'attending';
      role = `Attending physician (${capitalize(specialty)})`;
      break;
    case 'administrator':
      stage = 'administrator';
      role = 'Administrator';
      break;
  }
  const vars: Record<string, string> = {
    stage,
    specialty,
    years: numberWord(row.role === 'administrator' ? random.int(15, 25) : random.int(3, 12)),
    mentor: assigned.name,
    mshe: assigned.she ? 'she' : 'he',
    mher: assigned.she ? 'her' : 'him',
    mhis: assigned.she ? 'her' : 'his',
    informal: informal.name,
    ishe: informal.she ? 'she' : 'he',
    iher: informal.she ? 'her' : 'him',
    ihis: informal.she ? 'her' : 'his',
    peer: random.pick(PEERS),
    n: numberWord(row.active_mentors),
    pubs: row.publications <= 12 ? numberWord(row.publications) : String(row.publications),
  };
  for (const [key, value] of Object.entries({ ...vars })) vars[capitalize(key)] = capitalize(value);
  const month = random.int(2, 5);
  const day = random.int(1, month === 2 ? 28 : 30);
  return {
    profile: { row, vars },
    header: {
      role,
      date: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      interviewer: INTERVIEWERS[index % 3 === 2 ? 1 : 0] as string,
    },
  };
}
