/** The template editor asks the stack card to preview a draft: `detail` is the template body. */
export const DEPLOY_DRAFT_EVENT = 'scalelab:deploy-draft';
