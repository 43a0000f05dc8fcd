import { describeJobContract } from './job-contract';
import { mongoStore } from './job-fixtures';

describeJobContract(mongoStore);
