// @yatra/nodes/testing: helpers for node authors' unit tests. Pure: no worker, no Temporal.
// For a journey on the real interpreter and Temporal, see `runJourneyWithNode` in
// @yatra/worker/testing/run-journey-with-node.
export * from './fake-context';
export * from './fake-http';
export * from './run-node';
