// The one place that knows a message's ids: a message the user queued is cached as
// 'local-<clientId>' until the server's echo replaces it with the server's id.
const LOCAL_PREFIX = 'local-';

export const localMessageId = (clientId: string): string => `${LOCAL_PREFIX}${clientId}`;

export const isLocalMessageId = (id: string): boolean => id.startsWith(LOCAL_PREFIX);

/** The clientId a local id was made from. */
export const clientIdOfLocal = (localId: string): string => localId.slice(LOCAL_PREFIX.length);
