// Who is in the demo: practices, staff and patients (names and dates are invented).
import { DEMO_PATIENTS, DEMO_PRACTICES, DEMO_STAFF } from './accounts.js';

export type PracticeKey = keyof typeof DEMO_PRACTICES;

export interface DemoStaff {
  email: string;
  name: string;
  roles: Partial<Record<PracticeKey, string>>;
}

export const DEMO_STAFF_PEOPLE: DemoStaff[] = [
  { email: DEMO_STAFF.frontdesk, name: 'Frances Delgado', roles: { sunrise: 'front desk' } },
  { email: DEMO_STAFF.drLee, name: 'Dr. Daniel Lee', roles: { sunrise: 'provider' } },
  { email: DEMO_STAFF.billing, name: 'Priya Shah', roles: { sunrise: 'billing', lakeside: 'billing' } },
  { email: DEMO_STAFF.nurse, name: 'Nora Quinn', roles: { lakeside: 'nurse' } },
  { email: DEMO_STAFF.admin, name: 'Alex Morgan', roles: { sunrise: 'admin' } },
];

export interface DemoPatient {
  name: string;
  dateOfBirth: string;
  portalEmail?: string;
}

const SUNRISE_NAMES = [
  'Marcus Chen',
  'Grace Kim',
  'Liam Patel',
  'Oliver Bennett',
  'Sofia Rossi',
  'Ethan Brooks',
  'Maya Thompson',
  'Noah Williams',
  'Chloe Martin',
  'Lucas Garcia',
  'Emma Johansson',
  'Aiden Murphy',
  'Zara Ahmed',
  'Henry Walker',
  'Isla Novak',
  'Mateo Silva',
  'Hannah Fischer',
  'Samuel Adeyemi',
  'Leah Cohen',
  'Victor Dubois',
  'Ruby Nakamura',
];
const LAKESIDE_NAMES = ['Amara Okafor', 'Jonah Price', 'Lily Tanaka', 'Max Hoffman', 'Eva Lindqvist', 'Theo Ramirez'];

const birthDate = (index: number, child: boolean): string => {
  const year = child ? 2012 + (index % 12) : 1950 + ((index * 7) % 50);
  return `${year}-${String((index % 12) + 1).padStart(2, '0')}-${String(((index * 5) % 27) + 1).padStart(2, '0')}`;
};

export const DEMO_PATIENT_PEOPLE: Record<PracticeKey, DemoPatient[]> = {
  sunrise: [
    { name: 'Ana Ruiz', dateOfBirth: '1984-03-12', portalEmail: DEMO_PATIENTS.ana },
    ...SUNRISE_NAMES.map((name, i) => ({ name, dateOfBirth: birthDate(i, false) })),
  ],
  lakeside: [
    { name: 'Ben Okafor', dateOfBirth: '2016-07-04', portalEmail: DEMO_PATIENTS.ben },
    ...LAKESIDE_NAMES.map((name, i) => ({ name, dateOfBirth: birthDate(i, true) })),
  ],
};

export const ENCOUNTER_REASONS = [
  ['Annual physical', 'Routine exam. Vitals within normal limits. Follow up in one year.'],
  ['Follow-up visit', 'Symptoms improving. Continue current plan.'],
  ['Sore throat', 'Rapid strep negative. Supportive care advised.'],
  ['Blood pressure check', 'Readings stable on current medication.'],
  ['Lab review', 'Reviewed recent results with the patient.'],
] as const;
