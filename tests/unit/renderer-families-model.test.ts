import { describe, expect, it } from 'vitest';
import type { Occupancy, OccupancyMonth, SeminarInvitation } from '../../db/contract';
import { byFacility, oneDecimal, overCapacityOf, percent, rateTone } from '../../renderer/features/facilities/model';
import { attendanceDraft, attendanceEntries, markUnanswered, seatsLeft } from '../../renderer/features/seminars/model';

const inv = (id: string, attendance: SeminarInvitation['attendance'], followUp = ''): SeminarInvitation => ({
  id: `inv-${id}`,
  seminarId: 's',
  familyMemberId: id,
  memberName: id,
  memberKana: '',
  relation: 'parent',
  isGuarantor: false,
  contact: '',
  superviseeId: 'p',
  superviseeName: 'P',
  caseId: null,
  caseNumber: null,
  invitedOn: '2026-11-01',
  guardianInstructed: false,
  attendance,
  followUp,
  updatedAt: '',
});

describe('seminar attendance draft', () => {
  const invitations = [inv('a', 'invited'), inv('b', 'absent', 'phone later'), inv('c', 'invited')];

  it('starts from what is saved, invited members unanswered', () => {
    expect(attendanceDraft(invitations)).toEqual({
      a: { attendance: null, followUp: '' },
      b: { attendance: 'absent', followUp: 'phone later' },
      c: { attendance: null, followUp: '' },
    });
  });

  it('marks only the unanswered as attended', () => {
    const d = markUnanswered(attendanceDraft(invitations), 'attended');
    expect(d.a!.attendance).toBe('attended');
    expect(d.b!.attendance).toBe('absent');
  });

  it('sends answered members in roster order and lists the rest', () => {
    const d = attendanceDraft(invitations);
    d.c = { attendance: 'attended', followUp: '  note  ' };
    expect(attendanceEntries(invitations, d)).toEqual({
      entries: [
        { familyMemberId: 'b', attendance: 'absent', followUp: 'phone later' },
        { familyMemberId: 'c', attendance: 'attended', followUp: 'note' },
      ],
      unanswered: ['a'],
    });
  });

  it('counts seats left', () => {
    expect(seatsLeft({ capacity: 10, seatsTaken: 12 })).toBe(-2);
  });
});

describe('facility helpers', () => {
  it('reads OVER_CAPACITY figures and ignores other errors', () => {
    expect(overCapacityOf({ code: 'OVER_CAPACITY', details: { field: 'facilityId', capacity: 1, occupied: 1, date: '2026-11-20' } })).toEqual({
      capacity: 1,
      occupied: 1,
      date: '2026-11-20',
    });
    expect(overCapacityOf({ code: 'OVERLAP', details: { field: 'startedOn' } })).toBeNull();
    expect(overCapacityOf(new Error('x'))).toBeNull();
  });

  it('formats rates and decimals', () => {
    expect(percent(0.8333)).toBe('83%');
    expect(percent(null)).toBeNull();
    expect(oneDecimal(4.46)).toBe('4.5');
    expect(oneDecimal(12)).toBe('12');
    expect(rateTone(1.27)).toBe('full');
    expect(rateTone(0.9)).toBe('high');
    expect(rateTone(0.5)).toBe('normal');
  });

  it('groups occupancy by facility, months oldest first', () => {
    const row = (facilityId: string, month: string): OccupancyMonth => ({
      facilityId,
      facilityName: facilityId.toUpperCase(),
      facilityKind: 'rehabilitation_facility',
      month,
      capacity: 2,
      days: 30,
      placementsActive: 1,
      bedDays: 30,
      averageResidents: 1,
      occupancyRate: 0.5,
      placementsEnded: 0,
      averageStayDays: null,
    });
    const occ: Occupancy = { from: '2026-10-01', to: '2026-11-30', months: ['2026-10', '2026-11'], rows: [row('a', '2026-11'), row('b', '2026-10'), row('a', '2026-10')] };
    const g = byFacility(occ);
    expect(g.map((f) => f.facilityId)).toEqual(['a', 'b']);
    expect(g[0]!.months.map((m) => m.month)).toEqual(['2026-10', '2026-11']);
  });
});

describe('code lists', () => {
  it('match the service codes', async () => {
    const { FACILITY_KINDS, EXIT_DESTINATIONS } = await import('../../db/channels/pathways');
    const { FACILITY_KIND_OPTIONS, EXIT_DESTINATION_OPTIONS } = await import('../../renderer/features/facilities/model');
    expect(FACILITY_KIND_OPTIONS).toEqual(FACILITY_KINDS);
    expect(EXIT_DESTINATION_OPTIONS).toEqual(EXIT_DESTINATIONS);
  });
});
