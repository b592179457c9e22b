import type { TimelineGroup } from './timelineModel';

/** A small line icon per kind of record; decorative, the label beside it says what it is. */
const PATHS: Record<TimelineGroup, string> = {
  // speech bubble
  contacts: 'M3 4h14v9H8l-4 3v-3H3z',
  // calendar
  appointments: 'M3 5h14v12H3zM3 9h14M7 3v4M13 3v4',
  // test tube in a rack
  tests: 'M6 2h8M7.5 2v12.5a2.5 2.5 0 0 0 5 0V2M7.5 9h5',
  // document
  conditions: 'M5 2h7l3 3v13H5zM8 8h5M8 11h5M8 14h3',
  // exclamation in a triangle
  measures: 'M10 2l8 15H2zM10 8v4M10 14v1',
  // flag
  phases: 'M5 18V2M5 3h10l-2 3 2 3H5',
  // bars
  assessments: 'M3 17h14M5 17V10M10 17V5M15 17v-9',
  // group of people
  programs: 'M7 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM13 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2 17v-2a4 4 0 0 1 8 0v2M10 17v-2a4 4 0 0 1 8 0v2',
  // house
  support: 'M3 9l7-6 7 6M5 8v9h10V8M8 17v-5h4v5',
};

export function TimelineIcon({ group }: { group: TimelineGroup }) {
  return (
    <svg className="tl-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <path d={PATHS[group]} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
