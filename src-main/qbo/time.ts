/** Time effects the client takes from outside, so tests move time instead of waiting. */
export interface QboTime {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** A number in [0, 1) for jitter. */
  random(): number;
}

export const realTime: QboTime = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
