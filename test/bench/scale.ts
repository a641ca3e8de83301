/**
 * `BENCH_SMOKE=1` (npm run check does this): every bench runs at tiny sizes in seconds, so a broken
 * bench fails the check instead of going unnoticed until the next measurement. Numbers measured that
 * way mean nothing; `npm run bench` without it measures at full size.
 */
export const smoke = process.env.BENCH_SMOKE === '1';

/** The full-size count, or the tiny one in a smoke run. */
export const scaled = (full: number, tiny: number): number => (smoke ? tiny : full);

/** The practice company's size: tiny in a smoke run. */
export const companySize = <S extends 'large' | 'demo'>(full: S): S | 'tiny' => (smoke ? 'tiny' : full);
