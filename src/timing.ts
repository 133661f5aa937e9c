/** The stages of a build, in the order they run, for `folio build --verbose`. */
export const STAGES = ['fingerprint', 'load', 'render', 'collect', 'assets', 'emit', 'search', 'check', 'commit'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Partial<Record<Stage, number>>;

/** Times consecutive stages: each lap is the milliseconds since the previous lap (or the start). */
export function stopwatch(times: StageTimes = {}): { times: StageTimes; lap(stage: Stage): void } {
  let last = performance.now();
  return {
    times,
    lap(stage) {
      const now = performance.now();
      times[stage] = Math.round((times[stage] ?? 0) + now - last);
      last = now;
    },
  };
}
