/**
 * "Where I left off", kept in this browser (localStorage): the stage and step the learner last read on a lab page.
 * The journey page compares it with the store's latest check run or stack operation to offer "Resume".
 */
export const LAST_STEP_KEY = 'scalelab:last-step';

export interface LastStep {
  stageId: string;
  stepId: string;
  stepTitle: string;
  /** Epoch ms. */
  at: number;
}

export function saveLastStep(step: LastStep): void {
  try {
    localStorage.setItem(LAST_STEP_KEY, JSON.stringify(step));
  } catch {
    // Private mode or storage full: resuming falls back to the store's last stage.
  }
}

export function readLastStep(): LastStep | null {
  try {
    const raw = JSON.parse(localStorage.getItem(LAST_STEP_KEY) ?? 'null') as Partial<LastStep> | null;
    if (!raw || typeof raw.stageId !== 'string' || typeof raw.stepId !== 'string' || typeof raw.at !== 'number') {
      return null;
    }
    return { stageId: raw.stageId, stepId: raw.stepId, stepTitle: String(raw.stepTitle ?? raw.stepId), at: raw.at };
  } catch {
    return null;
  }
}
