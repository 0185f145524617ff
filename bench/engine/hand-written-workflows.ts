// A workflows bundle with only the hand-written workflow: what its bundle would hold without
// Yatra. The engine bench replays the hand-written histories on it to show the per-workflow cost
// of the shared bundle (every workflow start evaluates every module of its bundle). Deterministic.
export { handWrittenWorkflow } from './hand-written';
