// The practice server's wire contract (../shared/API.md), one schema per shape.
export * from './primitives.js';
export * from './session.js';
export * from './records.js';
export * from './messages.js';
export * from './settings.js';
export * from './sync.js';
