/** What started a model run: a user's message, the heartbeat, a cron job, or a memory flush. */
export type RunOrigin = 'user' | 'heartbeat' | 'cron' | 'memory-flush';
