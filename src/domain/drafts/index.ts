export * from './drafts.schema.ts';
export { deleteDraft, getDraft, purgeExpiredDrafts, saveDraft } from './drafts.service.ts';
export { draftsRoutes } from './drafts.routes.ts';
