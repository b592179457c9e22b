/** The services behind the channels of db/channels/programs.ts, spread into db/api.ts's table. */
import type { programsChannels } from '../channels/programs';
import type { OutputOf, ParsedInputOf } from '../contract';
import type { OfficeCore } from '../core';
import { createSession, getSession, listSessions, recordAttendance } from './program-sessions';
import {
  completeEnrolment,
  createEnrolment,
  enrolmentsForCase,
  listEnrolments,
  listPrograms,
  saveProgram,
  withdrawEnrolment,
} from './programs';

type ProgramsChannel = keyof typeof programsChannels;

export const programsHandlers: {
  [C in ProgramsChannel]: (core: OfficeCore, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
} = {
  'programs.list': (core, input) => listPrograms(core.context(), input),
  'programs.save': (core, input) => saveProgram(core.context(), input),

  'enrolments.create': (core, input) => createEnrolment(core.context(), input),
  'enrolments.complete': (core, input) => completeEnrolment(core.context(), input),
  'enrolments.withdraw': (core, input) => withdrawEnrolment(core.context(), input),
  'enrolments.forCase': (core, input) => enrolmentsForCase(core.context(), input),
  'enrolments.list': (core, input) => listEnrolments(core.context(), input),

  'sessions.create': (core, input) => createSession(core.context(), input),
  'sessions.get': (core, input) => getSession(core.context(), input),
  'sessions.list': (core, input) => listSessions(core.context(), input),
  'sessions.recordAttendance': (core, input) => recordAttendance(core.context(), input),
};
