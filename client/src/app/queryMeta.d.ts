import '@tanstack/react-query';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /**
       * `keep`: not refetched when the operation's room is joined again after
       * a reconnect (for answers no event keeps live, like the report).
       */
      rejoin?: 'keep';
    };
  }
}
