/** The dispatch job's name, apart from the job so the service can wake it without importing it. */
export const MESSAGING_DISPATCH_JOB = 'messaging-dispatch';
