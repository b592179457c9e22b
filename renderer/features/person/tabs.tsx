/**
 * The tabs of the person page, in order. Another feature adds its tab with one line here; a tab
 * gets the person and the case shown (the newest unless another is chosen).
 */
import type { ComponentType } from 'react';
import type { Role } from '../../../db/contract';
import { AssessmentTab } from './AssessmentTab';
import { CaseTab } from './CaseTab';
import { ConditionsTab } from './ConditionsTab';
import { HistoryTab } from './HistoryTab';
import { OverviewTab } from './OverviewTab';
import { AppointmentsTab } from '../appointments/AppointmentsTab';
import { ContactsTab } from '../contacts/ContactsTab';
import { DrugTestsTab } from '../drugtests/DrugTestsTab';
import { MeasuresTab } from '../measures/MeasuresTab';
import { TimelineTab } from '../timeline/TimelineTab';
import { ProgramsTab } from '../programs/ProgramsTab';
import { HousingTab } from '../facilities/HousingTab';
import { WorkTab } from '../work/WorkTab';
import { SupportTab } from '../supportlinks/SupportTab';
import type { PersonTabProps } from './types';

export type { PersonTabProps };

export interface PersonTab {
  id: string;
  /** i18n key of the tab's label. */
  labelKey: string;
  component: ComponentType<PersonTabProps>;
  /** Roles that see the tab (all when absent). The services check again on every call. */
  roles?: readonly Role[];
}

export const PERSON_TABS: readonly PersonTab[] = [
  { id: 'overview', labelKey: 'person.tabs.overview', component: OverviewTab },
  { id: 'case', labelKey: 'person.tabs.case', component: CaseTab },
  { id: 'conditions', labelKey: 'person.tabs.conditions', component: ConditionsTab },
  { id: 'assessment', labelKey: 'person.tabs.assessment', component: AssessmentTab },
  { id: 'contacts', labelKey: 'daily.tabs.contacts', component: ContactsTab },
  { id: 'appointments', labelKey: 'daily.tabs.appointments', component: AppointmentsTab },
  { id: 'drugtests', labelKey: 'daily.tabs.drugTests', component: DrugTestsTab },
  { id: 'measures', labelKey: 'daily.tabs.measures', component: MeasuresTab },
  { id: 'programs', labelKey: 'programs.tab', component: ProgramsTab },
  { id: 'housing', labelKey: 'families.housing.tab', component: HousingTab },
  { id: 'work', labelKey: 'work.tab', component: WorkTab },
  { id: 'support', labelKey: 'supportLinks.tab', component: SupportTab },
  { id: 'timeline', labelKey: 'timeline.tab', component: TimelineTab },
  { id: 'history', labelKey: 'person.tabs.history', component: HistoryTab },
];
