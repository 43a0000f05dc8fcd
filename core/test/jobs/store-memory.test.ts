import { describeJobContract } from './job-contract';
import { memoryStore } from './job-fixtures';

describeJobContract(memoryStore);
