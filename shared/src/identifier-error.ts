/** Why a value could not be read as an identifier; the message is for the person who typed it. */
export class IdentifierError extends Error {}
