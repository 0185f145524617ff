// @yatra/testing: Yatra's journey testing kit for QA (docs/testing-journeys.md).
//
// This entry is the journey test environment, for vitest (or any Node test runner): a fresh
// embedded PostgreSQL, Temporal's time-skipping test server and a journey worker; publish a
// journey file, schedule customers' events on virtual days, fast-forward the 45 days, assert the
// timeline and the outbox. Playwright fixtures and page objects: `@yatra/testing/playwright`.
export {
  createJourneyTestEnv,
  type JourneyTestEnv,
  type JourneyTestEnvOptions,
} from '@yatra/worker/testing/journey-test-env';
export type {
  CustomerSeedInput,
  DayMessage,
  DayTimelineItem,
  Persona,
  PersonaEventInput,
} from '@yatra/worker/testing/journey-script';
export { customerIdTaking, portFor, type PublishedJourney } from './cohorts';
export * from './events';
