import type { Localized } from '@/lib/i18n/locales';

/** Stage ids are `<NN>-<slug>`, the folder name under labs/ and templates/. */
export const stageIds = [
  '00-one-user',
  '01-split-database',
  '02-high-availability',
  '03-scale-out',
  '04-cache-automate-secure',
  '05-decouple',
  '06-go-global',
] as const;
export type StageId = (typeof stageIds)[number];

export interface QuizChoice {
  id: string;
  text: Localized;
}

/** A quiz question. `answer` never leaves the server: pages receive `publicQuiz()` output only. */
export interface QuizQuestion {
  id: string;
  prompt: Localized;
  choices: QuizChoice[];
  /** id(s) of the correct choice(s); more than one makes it a multi-select question. */
  answer: string[];
  explanation: Localized;
}

/** The regions every lab is priced in: the workshop default and Seoul, the home of the seeds' audience. */
export const pricedRegions = ['us-east-1', 'ap-northeast-2'] as const;
export type PricedRegion = (typeof pricedRegions)[number];

export interface RegionalCost {
  /** USD per hour while the stage's solution runs (on-demand list prices, no Free Tier). */
  hourlyUsd: number;
  /** USD for the same resources left running for a week (168 hours). */
  weeklyUsd: number;
}

export interface LabCost {
  /** Day the prices were read (YYYY-MM-DD). */
  pricesAsOf: string;
  byRegion: Record<PricedRegion, RegionalCost>;
  /** What the figure includes. */
  note?: Localized;
  /** Where a price could not be read and was estimated, and from what. Shown under the figures. */
  caveat?: Localized;
}

export interface LabMeta {
  id: StageId;
  order: number;
  /** The user-count milestone this stage is about, e.g. 1, 100, 1000 ... 10_000_000. */
  milestone: { users: number; label: Localized };
  title: Localized;
  summary: Localized;
  /** Wall-clock minutes for the whole stage, provisioning and deletion waits included (RDS, ElastiCache ...). */
  minutes: number;
  /** Which provisioning and deletion waits `minutes` includes (RDS, ElastiCache, CloudFront ...). */
  waits: Localized;
  /** On-demand cost of the stage's solution while it runs, in every priced region, with the date of the prices. */
  cost: LabCost;
  /** AWS services the stage touches (display names, e.g. "Amazon RDS"). */
  services: string[];
  /** Check ids (STAGES.md) graded in this stage, in the order the lab teaches them. */
  checks: string[];
  quiz: QuizQuestion[];
  /** Templates under templates/<id>/; `start: null` means the stage starts from an empty account. */
  templates: { start: string | null; solution: string };
  /** `complete`: content and checks are finished; `coming-soon`: metadata only, the MDX says so. */
  status: 'complete' | 'coming-soon';
}

export function defineLab(meta: LabMeta): LabMeta {
  return meta;
}
