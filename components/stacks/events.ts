/** The template editor asks the stack card to preview a draft (`detail`: a DraftDetail). */
export const DEPLOY_DRAFT_EVENT = 'scalelab:deploy-draft';

export interface DraftDetail {
  body: string;
  /** Lab rules the learner chose to deploy against (OVERRIDABLE_RULES in lib/cfn/lab-rules.ts). */
  acknowledge: string[];
}

/** A lab snippet asks to be added to (or removed from) the learner's template; the editor opens and does it. */
export const INSERT_SNIPPET_EVENT = 'scalelab:insert-snippet';

export interface SnippetRequest {
  text: string;
  mode: 'add' | 'remove';
}
