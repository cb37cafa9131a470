export type { Faults } from './faults.js';
export { trainWithFaults } from './loop.js';
export { MUTANTS, type Mutant } from './catalog.js';
export { MUTANT_RUN_IDS, mutantRun, type MutantRunId } from './runs.js';
export {
  runMutants,
  runMutant,
  type MutantOutcome,
  type MutantReport,
  type MutantRunOutcome,
  type RunMutantsOptions,
} from './run-mutants.js';
