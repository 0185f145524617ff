// The engine bench's workflows bundle: Yatra's interpreter workflow and the same journey
// hand-written (./hand-written.ts), in one bundle on one worker. Workflow code: deterministic.
export { journeyWorkflow } from '@yatra/workflows';
export { handWrittenWorkflow, type HandWrittenInput } from './hand-written';
