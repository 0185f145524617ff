// The workflows bundle Temporal loads. Only deterministic code: @temporalio/workflow and
// pure @yatra/nodes (lint enforces it).
export { journeyWorkflow, type JourneyWorkflowInput } from './journey-workflow';
export { customerEventSignal, runStateQuery } from './signals';
export {
  loyaltyNightlyWorkflow,
  type LoyaltyNightlyInput,
  type LoyaltyNightlySummary,
} from './loyalty-nightly-workflow';
