// The practice server's wire contract (docs/API.md), one schema per shape.
export * from './primitives.js';
export * from './session.js';
export * from './records.js';
export * from './messages.js';
export * from './settings.js';
export * from './sync.js';
export * from './portal-threads.js';
export * from './templates.js';
export * from './thread-state.js';
export * from './audit.js';
