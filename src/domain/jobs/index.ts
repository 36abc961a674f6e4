export * from './jobs.schema.ts';
export { enqueueJob, claimJobs, completeJob, failJob, type ClaimOptions } from './jobs.service.ts';
export {
  startJobWorker,
  createJobWorker,
  newWorkerId,
  type JobWorker,
  type WorkerOptions,
} from './jobs.worker.ts';
