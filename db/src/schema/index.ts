export * from './journeys';
export * from './customers';
export * from './events';
export * from './runs';
export * from './messages';
export * from './loyalty';
export * from './sending';
export * from './templates';
