/** The services behind the channels of db/channels/pathways.ts, spread into db/api.ts's table. */
import type { pathwaysChannels } from '../channels/pathways';
import type { OutputOf, ParsedInputOf } from '../contract';
import type { OfficeCore } from '../core';
import { employerFacets, listEmployers, saveEmployer } from './employers';
import { employmentForCase, endJob, listJobs, listSupports, recordJob, recordSupport, setStatus, updateSupport } from './employment';
import { createPlacement, endPlacement, facilityOccupancy, listFacilities, listPlacements, saveFacility } from './facilities';
import { createSeminar, getSeminar, inviteToSeminar, listSeminars, reachableFamilies, recordAttendance, updateSeminar } from './seminars';
import { createSupportLink, endSupportLink, linkShare, listSupportLinks, listSupportOrgs, saveSupportOrg } from './support-links';

type PathwaysChannel = keyof typeof pathwaysChannels;

export const pathwaysHandlers: {
  [C in PathwaysChannel]: (core: OfficeCore, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
} = {
  'employers.list': (core, input) => listEmployers(core.context(), input),
  'employers.facets': (core) => employerFacets(core.context()),
  'employers.save': (core, input) => saveEmployer(core.context(), input),

  'employment.recordSupport': (core, input) => recordSupport(core.context(), input),
  'employment.updateSupport': (core, input) => updateSupport(core.context(), input),
  'employment.recordJob': (core, input) => recordJob(core.context(), input),
  'employment.endJob': (core, input) => endJob(core.context(), input),
  'employment.setStatus': (core, input) => setStatus(core.context(), input),
  'employment.forCase': (core, input) => employmentForCase(core.context(), input),
  'employment.supports': (core, input) => listSupports(core.context(), input),
  'employment.jobs': (core, input) => listJobs(core.context(), input),

  'seminars.create': (core, input) => createSeminar(core.context(), input),
  'seminars.update': (core, input) => updateSeminar(core.context(), input),
  'seminars.invite': (core, input) => inviteToSeminar(core.context(), input),
  'seminars.recordAttendance': (core, input) => recordAttendance(core.context(), input),
  'seminars.list': (core, input) => listSeminars(core.context(), input),
  'seminars.get': (core, input) => getSeminar(core.context(), input),
  'family.reachable': (core, input) => reachableFamilies(core.context(), input),

  'facilities.list': (core, input) => listFacilities(core.context(), input),
  'facilities.save': (core, input) => saveFacility(core.context(), input),
  'placements.create': (core, input) => createPlacement(core.context(), input),
  'placements.end': (core, input) => endPlacement(core.context(), input),
  'placements.list': (core, input) => listPlacements(core.context(), input),
  'facilities.occupancy': (core, input) => facilityOccupancy(core.context(), input),

  'supportOrgs.list': (core, input) => listSupportOrgs(core.context(), input),
  'supportOrgs.save': (core, input) => saveSupportOrg(core.context(), input),
  'supportLinks.create': (core, input) => createSupportLink(core.context(), input),
  'supportLinks.end': (core, input) => endSupportLink(core.context(), input),
  'supportLinks.list': (core, input) => listSupportLinks(core.context(), input),
  'supportLinks.share': (core, input) => linkShare(core.context(), input),
};
