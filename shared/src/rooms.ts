/** Socket.io room names, built in one place. */
export const rooms = {
  operation: (operationId: string) => `operation:${operationId}`,
  user: (userId: string) => `user:${userId}`,
} as const;
