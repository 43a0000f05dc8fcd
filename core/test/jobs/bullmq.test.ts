import { describeJobContract } from './job-contract';
import { bullmq } from './job-fixtures';

describeJobContract(bullmq);
