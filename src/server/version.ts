/** Version of the companion, reported by the health route and in the AvaTax client header. */
export const VERSION = '0.1.0';
