import {
  createExternalOrganisation,
  createService,
  setVerification,
  type ServiceInput,
} from '@/domain/directory/index.ts';
import type { Ctx } from '@/lib/context.ts';

/**
 * Demo directory: the demo organisations' services and two clearly fake external organisations
 * (names start with "Demo", contacts at reserved .example domains and unassigned +000 numbers).
 * The shelter's address is made up and shown only to its own organisation's staff.
 */

type DemoService = Partial<ServiceInput> & Pick<ServiceInput, 'kind' | 'name' | 'countries'>;

const base = (s: DemoService): ServiceInput => ({
  description: null,
  regions: [],
  languages: ['en'],
  eligibility: { genders: [], minAge: null, maxAge: null, nationalities: [] },
  capacity: null,
  availability: 'available',
  contact: {},
  hours: null,
  referralMethods: ['homeward'],
  public: false,
  address: null,
  ...s,
});

/** The Thai demo organisation's own services. */
const MAE_SOT: DemoService[] = [
  {
    kind: 'shelter',
    name: 'Demo safe house for women',
    description: 'Short-stay shelter for women leaving scam compounds, with a caseworker on call.',
    countries: ['THA'],
    regions: ['Tak'],
    languages: ['th', 'my', 'en'],
    eligibility: { genders: ['female'], minAge: 18, maxAge: null, nationalities: [] },
    capacity: 12,
    availability: 'limited',
    contact: { phone: '+66 000 000 001', email: 'shelter@demo.homeward.example' },
    hours: 'Open day and night',
    referralMethods: ['homeward', 'phone'],
    public: true,
    address: 'Demo address: 99 Example Road, Mae Sot (made up)',
  },
  {
    kind: 'legal_aid',
    name: 'Demo legal clinic',
    description: 'Advice on identification as a victim, non-punishment and immigration charges.',
    countries: ['THA'],
    regions: ['Tak', 'Bangkok'],
    languages: ['th', 'en', 'my', 'zh'],
    contact: { phone: '+66 000 000 002', web: 'https://legal.demo.homeward.example' },
    hours: 'Mon–Fri 09:00–17:00',
    referralMethods: ['homeward', 'email'],
    public: true,
  },
  {
    kind: 'hotline',
    name: 'Demo help line',
    countries: ['THA', 'MMR'],
    languages: ['th', 'my', 'en'],
    contact: { phone: '+66 000 000 003', messaging: [{ app: 'line', handle: '@demo-help' }] },
    hours: 'Every day 08:00–22:00',
    referralMethods: ['phone'],
    public: true,
  },
  {
    kind: 'mental_health_psychosocial',
    name: 'Demo counselling (staff referrals only)',
    countries: ['THA'],
    regions: ['Tak'],
    languages: ['th', 'my'],
    referralMethods: ['homeward'],
  },
];

/** The Kenyan demo organisation's services. */
const NAIROBI: DemoService[] = [
  {
    kind: 'livelihood_job_placement',
    name: 'Demo livelihood and job placement',
    countries: ['KEN'],
    regions: ['Nairobi'],
    languages: ['sw', 'en'],
    contact: { email: 'jobs@ke.demo.homeward.example' },
    referralMethods: ['homeward', 'email'],
    public: true,
  },
];

const EXTERNAL = [
  {
    org: { name: 'Demo Jomo Kenyatta Airport Reception Desk', country: 'KEN' },
    service: {
      kind: 'reception',
      name: 'Demo arrival reception at the airport',
      description: 'Meets people returning from South-East Asia on arrival and takes them home.',
      countries: ['KEN'],
      regions: ['Nairobi'],
      languages: ['sw', 'en'],
      contact: { phone: '+254 000 000 001', email: 'arrivals@reception.demo.example' },
      hours: 'Every day 06:00–23:00',
      referralMethods: ['phone', 'email'],
      public: true,
    },
  },
  {
    org: { name: 'Demo Bangladesh Returnee Family Tracing', country: 'BGD' },
    service: {
      kind: 'family_tracing',
      name: 'Demo family tracing',
      countries: ['BGD'],
      languages: ['bn', 'en'],
      contact: { email: 'tracing@bd.demo.example' },
      referralMethods: ['email'],
    },
  },
] as const satisfies { org: { name: string; country: string }; service: DemoService }[];

/**
 * Seeds the demo directory: `main` and `ke` are CLI contexts (the installation's operator, a
 * platform admin) acting in the Thai and the Kenyan demo organisation.
 */
export async function seedDemoDirectory(main: Ctx, ke: Ctx): Promise<void> {
  for (const s of MAE_SOT) {
    await createService(main, base(s));
  }
  for (const s of NAIROBI) {
    await createService(ke, base(s));
  }
  await setVerification(main, main.actor.organisationId!, { verified: true });
  for (const e of EXTERNAL) {
    const org = await createExternalOrganisation(main, {
      ...e.org,
      type: 'cso',
      installationId: null,
      website: null,
    });
    await createService(main, { ...base(e.service), organisationId: org.id });
  }
}
