import type { Localized } from '@/lib/i18n/locales';
import type { Inventory, Prefetchable } from '@/lib/inventory';
import type { StageId } from '@/lib/labs/types';

/** A resource a check looked at and the property values it saw: `db-1: MultiAZ=false`. */
export interface Evidence {
  id: string;
  type: string;
  values: Record<string, string | number | boolean | null>;
}

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export interface CheckOutcome {
  status: CheckStatus;
  /** One sentence naming the service and the resource, ending with a period. */
  message: Localized;
  evidence: Evidence[];
}

export interface CheckDefinition {
  /** `<service>.<what>`, kebab case, as in STAGES.md. */
  id: string;
  stage: StageId;
  /** required: gates the next stage; recommended: shown and scored, never gates. */
  severity: 'required' | 'recommended';
  /**
   * What the check reads from the Inventory. A run starts all of them at once, so a stage costs a couple of
   * round-trips rather than one chain per check; it also documents the describe permissions the check needs.
   */
  reads?: readonly Prefetchable[];
  /** The PASS condition, stated. */
  title: Localized;
  /** Why it matters (the rationale from the talks). */
  why: Localized;
  /** What to do when it fails. */
  hint: Localized;
  /** The `<Step id>` of the stage's lab that teaches it. */
  step: string;
  remediation: { template?: string; console?: Localized; cli?: string };
  /** A pure function of the Inventory: no AWS calls of its own. Thrown errors become `error` results. */
  run(inventory: Inventory): Promise<CheckOutcome>;
}

export function defineCheck(definition: CheckDefinition): CheckDefinition {
  return definition;
}

export const pass = (message: Localized, evidence: Evidence[] = []): CheckOutcome => ({
  status: 'pass',
  message,
  evidence,
});
export const fail = (message: Localized, evidence: Evidence[] = []): CheckOutcome => ({
  status: 'fail',
  message,
  evidence,
});
export const skipped = (message: Localized, evidence: Evidence[] = []): CheckOutcome => ({
  status: 'skipped',
  message,
  evidence,
});

/** The lab has nothing deployed yet: the same sentence for every check that finds no lab VPC. */
export const noLabYet = (): CheckOutcome =>
  fail({
    en: 'No lab VPC found: launch the stage template first.',
    ko: '실습 VPC가 없습니다. 먼저 스테이지 템플릿을 배포하세요.',
  });
