export * from './journeys';
export * from './customers';
export * from './events';
export * from './runs';
export * from './messages';
export * from './loyalty';
