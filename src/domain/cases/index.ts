export * from './cases.schema.ts';
export * from './case-views.schema.ts';
export * from './case-journey.schema.ts';
export { createCase, getCase, updateCase } from './cases.service.ts';
export { listCases, findDuplicates } from './case-list.service.ts';
export { refreshNameKeys } from './case-name-keys.ts';
export { retraffickingRisk } from './case-risk.ts';
export { casesRoutes } from './cases.routes.ts';
export { caseEventsRoutes } from './case-events.routes.ts';
export { caseTasksRoutes } from './case-tasks.routes.ts';
export { caseAssessmentRoutes } from './case-assessment.routes.ts';
export { caseNotesRoutes } from './case-notes.routes.ts';
export { caseAttachmentsRoutes } from './case-attachments.routes.ts';
export { createCaseEvent, listCaseEvents, returnArrivalHooks } from './case-events.service.ts';
export { scheduleFollowUps, scheduleFollowUpsOnArrival } from './case-followups.service.ts';

// Arrival home starts the follow-up schedule (1, 3, 6, 12 months by default).
import { returnArrivalHooks as hooks } from './case-events.service.ts';
import { scheduleFollowUpsOnArrival as onArrival } from './case-followups.service.ts';
if (!hooks.includes(onArrival)) {
  hooks.push(onArrival);
}
