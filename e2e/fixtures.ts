// The fixture every spec uses: page objects plus `api`, which seeds data through Yatra's HTTP API
// (faster and steadier than clicking it together; one spec keeps the real gestures). They live in
// the QA testing kit, @yatra/testing/playwright, which QA teams use in their own suites.
export {
  test,
  expect,
  YatraApi,
  YatraApiError,
  type PublishedVersion,
  type YatraFixtures,
} from '@yatra/testing/playwright';
