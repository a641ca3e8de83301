/** Effects the host takes from outside, so tests can move time and fix ids instead of sleeping. */
export interface Clock {
  now(): Date;
}

export interface Ids {
  /** A new unique id (UUID v4 shape), used for request ids and local keys. */
  uuid(): string;
}
