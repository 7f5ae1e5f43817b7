/** What "Resume" points at: a stage, and the step in it when the browser remembers one. */
export interface ResumeTarget {
  stageId: string;
  stepId?: string;
  stepTitle?: string;
}

/**
 * The newer of the store's last stage worked on and the browser's last step read; a stage the learner cannot open
 * (locked now, e.g. after a reset) is skipped for the other one.
 */
export function pickResume(
  server: { stageId: string; at: number } | null,
  local: { stageId: string; stepId: string; stepTitle: string; at: number } | null,
  open: (stageId: string) => boolean,
): ResumeTarget | null {
  const fromLocal = local && open(local.stageId) ? local : null;
  const fromServer = server && open(server.stageId) ? server : null;
  if (fromLocal && (!fromServer || fromLocal.at >= fromServer.at || fromLocal.stageId === fromServer.stageId)) {
    return { stageId: fromLocal.stageId, stepId: fromLocal.stepId, stepTitle: fromLocal.stepTitle };
  }
  return fromServer ? { stageId: fromServer.stageId } : null;
}
