/** The services behind the channels of db/channels/contacts.ts, spread into db/api.ts's table. */
import type { contactsChannels } from '../channels/contacts';
import type { OutputOf, ParsedInputOf } from '../contract';
import type { OfficeCore } from '../core';
import { agenda, cancelAppointment, createAppointments, rescheduleAppointment, resolveAppointment } from './appointments';
import { listContacts, missingVpoReports, recordContact, recordVpoReport } from './contacts';
import { listDrugTests, recordDrugTest } from './drug-tests';
import { listMeasures, recordMeasure, signOffMeasure } from './measures';
import { listStandards, saveStandard, standardForCase } from './standards';

type ContactsChannel = keyof typeof contactsChannels;

export const contactsHandlers: {
  [C in ContactsChannel]: (core: OfficeCore, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
} = {
  'contacts.record': (core, input) => recordContact(core.context(), input),
  'contacts.list': (core, input) => listContacts(core.context(), input),

  'vpoReports.record': (core, input) => recordVpoReport(core.context(), input),
  'vpoReports.missing': (core, input) => missingVpoReports(core.context().db, input.month),

  'standards.list': (core) => listStandards(core.context()),
  'standards.save': (core, input) => saveStandard(core.context(), input),
  'standards.forCase': (core, input) => standardForCase(core.context(), input),

  'appointments.create': (core, input) => createAppointments(core.context(), input),
  'appointments.reschedule': (core, input) => rescheduleAppointment(core.context(), input),
  'appointments.cancel': (core, input) => cancelAppointment(core.context(), input),
  'appointments.resolve': (core, input) => resolveAppointment(core.context(), input),
  'appointments.agenda': (core, input) => agenda(core.context(), input),

  'drugTests.record': (core, input) => recordDrugTest(core.context(), input),
  'drugTests.list': (core, input) => listDrugTests(core.context(), input),

  'measures.record': (core, input) => recordMeasure(core.context(), input),
  'measures.signOff': (core, input) => signOffMeasure(core.context(), input),
  'measures.list': (core, input) => listMeasures(core.context(), input),
};
