/** Jobs as plugins and hosts see them (`ctx.jobs`); the backends are core's business. */
export { JobDefinitionError, JobHandlerError, JobScheduleError } from './job-errors';
export type {
  DefinedJob,
  JobHandler,
  JobOptions,
  JobRun,
  JobTarget,
  PluginJobs,
  RepeatOptions,
  ScheduleOptions,
  ScheduledJob,
} from './job-types';
export type { JobService } from './job-service';
export type { JobsConfig } from './jobs-config';
