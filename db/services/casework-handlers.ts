/** The casework services (people, cases, conditions, assessments, VPOs) for db/api.ts's table. */
import type { caseworkChannels } from '../channels/casework';
import type { OutputOf, ParsedInputOf } from '../contract';
import type { OfficeCore } from '../core';
import { listAssessments, recordAssessment } from './assessments';
import { openCase } from './case-open';
import { resumeCase, setGuidelines, setIntensity, suspendCase, terminateCase } from './cases';
import { addCondition, changeCondition, conditionCatalogue, liftCondition } from './conditions';
import { saveFamilyMember } from './family';
import { createSupervisee, getSupervisee, superviseeHistory, updateSupervisee } from './supervisees';
import { listVpos, saveVpo } from './vpos';

type CaseworkChannel = keyof typeof caseworkChannels;

export const caseworkHandlers: {
  [C in CaseworkChannel]: (core: OfficeCore, input: ParsedInputOf<C>) => OutputOf<C> | Promise<OutputOf<C>>;
} = {
  'vpos.list': (core, input) => listVpos(core.context(), input),
  'vpos.save': (core, input) => saveVpo(core.context(), input),

  'supervisees.create': (core, input) => createSupervisee(core.context(), input),
  'supervisees.update': (core, input) => updateSupervisee(core.context(), input),
  'supervisees.get': (core, input) => getSupervisee(core.context(), input),
  'supervisees.history': (core, input) => superviseeHistory(core.context(), input),
  'family.save': (core, input) => saveFamilyMember(core.context(), input),

  'cases.open': (core, input) => openCase(core.context(), input),
  'cases.suspend': (core, input) => suspendCase(core.context(), input),
  'cases.resume': (core, input) => resumeCase(core.context(), input),
  'cases.terminate': (core, input) => terminateCase(core.context(), input),
  'cases.setIntensity': (core, input) => setIntensity(core.context(), input),
  'cases.setGuidelines': (core, input) => setGuidelines(core.context(), input),

  'conditions.catalogue': (core) => conditionCatalogue(core.context()),
  'conditions.add': (core, input) => addCondition(core.context(), input),
  'conditions.change': (core, input) => changeCondition(core.context(), input),
  'conditions.lift': (core, input) => liftCondition(core.context(), input),

  'assessments.record': (core, input) => recordAssessment(core.context(), input),
  'assessments.list': (core, input) => listAssessments(core.context(), input),
};
