/** Version of the SMS contract. Bump on any breaking change to a schema in this folder. */
export const PROTOCOL_VERSION = 1;
