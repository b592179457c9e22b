import type { PersonDetail } from '../../../db/contract';

/** What every tab of the person page receives. */
export interface PersonTabProps {
  person: PersonDetail;
  /** The case shown: the newest unless another is chosen above the tabs. */
  caseId: string;
}
