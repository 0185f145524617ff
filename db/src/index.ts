// The public surface of @yatra/db: row types, the client, migrations and query functions.
// Only this package imports drizzle operators and tables; everyone else calls these functions.
export type {
  Customer,
  EventRow,
  LedgerEntry,
  LedgerKind,
  LotAllocation,
  LoyaltyMember,
  LoyaltyProgram,
  PointsLot,
  Journey,
  JourneyRun,
  JourneyStep,
  JourneyVersion,
  Message,
  Order,
  OrderItem,
  OrderStatus,
  PaymentMethod,
  Product,
  RunStatus,
  TierChangeReason,
  TierHistoryRow,
} from './schema';
export { LEDGER_KINDS, ORDER_STATUSES, PAYMENT_METHODS, RUN_STATUSES } from './schema';
export * from './client';
export * from './migrate';
export * from './queries/journeys';
export * from './queries/events';
export * from './queries/customers';
export * from './queries/runs';
export * from './queries/journey-analytics';
export * from './queries/messages';
export * from './queries/timeline';
export * from './queries/loyalty';
export * from './queries/templates';
export * from './queries/channel-prices';
export * from './queries/messaging-cost';
export * from './queries/consent';
export * from './queries/send-decisions';
export * from './queries/send-settings';
export * from './queries/send-inputs';
export * from './queries/inbound';
export * from './queries/message-status';
