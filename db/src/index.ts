// The public surface of @yatra/db: schema types, the client, migrations and query functions.
// Only this package imports drizzle operators; everyone else calls these functions.
export * from './schema';
export * from './client';
export * from './migrate';
export * from './queries/journeys';
export * from './queries/events';
export * from './queries/customers';
export * from './queries/runs';
export * from './queries/messages';
export * from './queries/timeline';
