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

export interface LabMeta {
  id: StageId;
  order: number;
  /** The user-count milestone this stage is about, e.g. 1, 100, 1000 ... 10_000_000. */
  milestone: { users: number; label: Localized };
  title: Localized;
  summary: Localized;
  minutes: number;
  /** Estimated cost of the stage's solution while it runs, with the date and region of the prices used. */
  cost: { hourlyUsd: number; pricesAsOf: string; region: string; note?: Localized };
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
