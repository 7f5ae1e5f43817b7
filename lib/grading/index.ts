export { GradingTimeoutError } from './abort';
export { profileClients, roleClients } from './clients';
export { GRADING_DEFAULTS, gradeAccounts } from './grade';
export { scoreOf } from './grade-account';
export { defaultStackName, learnerIdFor, uuidV5 } from './learner-id';
export { type ReportFormat, renderReport, reportFormats } from './reports';
export { parseRoster, type RosterEntry, RosterError } from './roster';
export { resolveStage, stageChecks } from './stage';
export * from './types';
