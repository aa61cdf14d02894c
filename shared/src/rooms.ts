/** Socket.io room names, built in one place. */
export const rooms = {
  operation: (operationId: string) => `operation:${operationId}`,
  user: (userId: string) => `user:${userId}`,
  /** The sockets of one session (by the SHA-256 of its token), on every namespace: signing out closes them. */
  session: (sessionHash: string) => `session:${sessionHash}`,
  /** Members of one role in an operation, for payloads filtered per role. */
  operationRole: (operationId: string, role: string) => `operation:${operationId}:role:${role}`,
  /** Members of one role and country, for payloads that depend on the author's country. */
  operationCountryRole: (operationId: string, country: string, role: string) =>
    `operation:${operationId}:country:${country}:role:${role}`,
  /** One participant's sockets in one operation: views that differ per person (their own hits), and eviction. */
  operationMember: (operationId: string, memberId: string) => `operation:${operationId}:member:${memberId}`,
  /**
   * Joined (never left joined) when a participant is revoked: every process sees the join of its own sockets of that
   * user, on every namespace, and closes what they had open of the operation. A join, not a leave, so that a socket
   * that disconnects is never taken for one that was revoked.
   */
  evicted: (operationId: string) => `evicted:${operationId}`,
} as const;
