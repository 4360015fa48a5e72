// The desktop API contract shared by main/core, the hosts, the preload and the renderer.
export * from './api.js';
export * from './views.js';
export * from './workflow-api.js';
export * from './workflow-views.js';
export * from './wire.js';
export * from './desktop-call-error.js';
export * from './managed-policy.js';
export * from './deep-link.js';
export * from './channels.js';
