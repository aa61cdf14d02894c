/** Where one match's card is: the matches page scrolls to it and focuses it. */
export const matchLink = (operationId: string, matchId: string) =>
  `/operations/${operationId}/matches?match=${matchId}`;

/** A platform open on the board (the board opens the platform named in `?platform=`). */
export const platformLink = (operationId: string, platformId: string) =>
  `/operations/${operationId}?platform=${platformId}`;
