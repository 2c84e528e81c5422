// What other modules may use of jobs; nothing else of this folder is imported from outside it.
export { enqueueJobs, enqueueJobsSql, type JobRequest } from "./enqueue-job";
export { type JobHandler, runDueJobs } from "./run-due-jobs";
export { startJobRunner } from "./runner";
