/** Month figures to periods, as model.md section 1 defines them. */

/** Rounds half up (2.5 -> 3, -2.5 -> -2), the rounding model.md uses for every month figure. */
export const roundHalfUp = (x: number): number => Math.floor(x + 0.5);

/** Converts months to whole periods: roundHalfUp(months x periodsPerYear / 12). */
export const monthsToPeriods = (months: number, periodsPerYear: number): number =>
  roundHalfUp((months * periodsPerYear) / 12);

/** Converts a duration in months to periods, at least one period. */
export const durationToPeriods = (months: number, periodsPerYear: number): number =>
  Math.max(1, monthsToPeriods(months, periodsPerYear));

/** Converts periods to months. */
export const periodsToMonths = (periods: number, periodsPerYear: number): number => (periods * 12) / periodsPerYear;
