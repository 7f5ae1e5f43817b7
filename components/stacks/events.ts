/** The template editor asks the stack card to preview a draft (`detail`: a DraftDetail). */
export const DEPLOY_DRAFT_EVENT = 'scalelab:deploy-draft';

export interface DraftDetail {
  body: string;
  /** Lab rules the learner chose to deploy against (OVERRIDABLE_RULES in lib/cfn/lab-rules.ts). */
  acknowledge: string[];
}
