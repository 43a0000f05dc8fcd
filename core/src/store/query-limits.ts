/** Default and largest page sizes of the store's list queries, shared by both implementations. */
export const QUERY_LIMITS = {
  list: { fallback: 100, max: 1000 },
  pendingInbound: { fallback: 100, max: 1000 },
  dueOutbound: { fallback: 100, max: 1000 },
  queuedOutbound: { fallback: 100, max: 1000 },
  history: { fallback: 20, max: 500 },
  guestConversations: { fallback: 20, max: 100 },
} as const;

/** Idle conversations (and message-log rows) are removed after this many days unless configured. */
export const DEFAULT_TTL_DAYS = 30;
