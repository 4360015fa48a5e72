// Migration 3: the thread index holds replies only. A thread's root has thread_id = id and is found
// through the id index; indexing roots too put a random key in every backfilled row's write.
export const migration003 = `
DROP INDEX messages_thread;
CREATE INDEX messages_thread_replies ON messages (thread_id, sent_at) WHERE thread_id != id;
`;
