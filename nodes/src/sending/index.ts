// The send rules: pure, shared by the worker's send pipeline and the simulator (docs/sending.md).
export * from './types';
export * from './consent-rule';
export * from './whatsapp-window';
export * from './quiet-hours';
export * from './frequency-cap';
export * from './evaluate';
export * from './fallback-chain';
export * from './stop-words';
export * from './unsubscribe-token';
