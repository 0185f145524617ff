import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { CustomerEvent, RunState } from '@yatra/nodes';

// Kept apart from the workflow so clients (the dispatcher) import definitions, not workflow code.

/** Customer events for this run's customer, delivered by the dispatcher. */
export const customerEventSignal = defineSignal<[CustomerEvent]>('customerEvent');
/** The run's whole state, for debugging and the live view. */
export const runStateQuery = defineQuery<RunState | null>('runState');
