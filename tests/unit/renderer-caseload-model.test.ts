import { describe, expect, it } from 'vitest';
import type { CaseloadFlags } from '../../db/contract';
import {
  clearFilters,
  countFlags,
  defaultView,
  hasFilters,
  moveActive,
  nextSort,
  pageInput,
  pagesFor,
  shownFlags,
  tabFor,
  toggleFlag,
  toServiceFilters,
  DEFAULT_FILTERS,
} from '../../renderer/features/dashboard/model';

const NONE: CaseloadFlags = {
  overdueContact: false,
  missingVpoReport: false,
  positiveTest: false,
  endingSoon: false,
  appointmentNeedsOutcome: false,
  programMissed: false,
};

describe('caseload view', () => {
  it('starts officers and supervisors on their own cases and administrators on the office', () => {
    expect(defaultView('officer').scope).toBe('mine');
    expect(defaultView('supervisor').scope).toBe('mine');
    expect(defaultView('administrator').scope).toBe('unit');
    expect(defaultView('officer').filters).toEqual(DEFAULT_FILTERS);
    expect(defaultView('officer').sort).toEqual({ key: 'name', dir: 'asc' });
  });

  it('turns the filters into the service input, leaving empty choices out', () => {
    const view = defaultView('supervisor');
    expect(toServiceFilters('mine', view.filters)).toEqual({ status: 'open' });
    const f = { ...view.filters, category: '4' as const, drugType: 'cannabis' as const, intensity: 'B', flags: ['endingSoon', 'positiveTest'] as const, officerId: 'u1' };
    expect(toServiceFilters('unit', { ...f, flags: [...f.flags] })).toEqual({
      status: 'open',
      category: '4',
      drugType: 'cannabis',
      intensity: 'B',
      flags: ['positiveTest', 'endingSoon'],
      officerId: 'u1',
    });
    // The officer filter belongs to the unit view only (the service refuses it with 'mine').
    expect(toServiceFilters('mine', { ...f, flags: [] })).not.toHaveProperty('officerId');
    // Flag counts are asked without the flag filter.
    expect(toServiceFilters('unit', { ...f, flags: [...f.flags] }, false)).not.toHaveProperty('flags');
  });

  it('asks for a page by offset and limit', () => {
    const view = { ...defaultView('officer'), sort: { key: 'endDate' as const, dir: 'desc' as const } };
    expect(pageInput(view, 2, 200)).toEqual({ scope: 'mine', filters: { status: 'open' }, sort: { key: 'endDate', dir: 'desc' }, offset: 400, limit: 200 });
  });

  it('knows when filters are set and clears them, keeping scope and sort', () => {
    const view = { ...defaultView('supervisor'), scope: 'unit' as const, sort: { key: 'endDate' as const, dir: 'asc' as const } };
    expect(hasFilters(view.filters)).toBe(false);
    const filtered = { ...view, filters: { ...view.filters, flags: toggleFlag([], 'overdueContact', true) } };
    expect(hasFilters(filtered.filters)).toBe(true);
    expect(hasFilters({ ...view.filters, status: 'all' })).toBe(true);
    const cleared = clearFilters(filtered);
    expect(hasFilters(cleared.filters)).toBe(false);
    expect(cleared.scope).toBe('unit');
    expect(cleared.sort).toEqual({ key: 'endDate', dir: 'asc' });
  });

  it('toggles flags in display order, each once', () => {
    expect(toggleFlag(['endingSoon'], 'positiveTest', true)).toEqual(['positiveTest', 'endingSoon']);
    expect(toggleFlag(['positiveTest', 'endingSoon'], 'positiveTest', true)).toEqual(['positiveTest', 'endingSoon']);
    expect(toggleFlag(['positiveTest', 'endingSoon'], 'positiveTest', false)).toEqual(['endingSoon']);
  });

  it('shows a positive test only to those who may see the tests', () => {
    const flags = { ...NONE, positiveTest: true, endingSoon: true };
    expect(shownFlags(flags, true)).toEqual(['positiveTest', 'endingSoon']);
    expect(shownFlags(flags, false)).toEqual(['endingSoon']);
    expect(countFlags([{ flags, drugTestsVisible: false }, { flags, drugTestsVisible: true }])).toEqual({
      ...{ overdueContact: 0, missingVpoReport: 0, appointmentNeedsOutcome: 0, programMissed: 0 },
      positiveTest: 1,
      endingSoon: 2,
    });
  });

  it('flips the direction of the sorted column and starts others at their natural direction', () => {
    expect(nextSort({ key: 'name', dir: 'asc' }, 'name')).toEqual({ key: 'name', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'desc' }, 'endDate')).toEqual({ key: 'endDate', dir: 'asc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'flagCount')).toEqual({ key: 'flagCount', dir: 'desc' });
    expect(nextSort({ key: 'name', dir: 'asc' }, 'lastContact')).toEqual({ key: 'lastContact', dir: 'desc' });
  });

  it('opens the tab that explains the flag', () => {
    expect(tabFor([], [])).toBe('case');
    expect(tabFor(['overdueContact'], [])).toBe('contacts');
    expect(tabFor(['missingVpoReport'], [])).toBe('contacts');
    expect(tabFor(['positiveTest', 'overdueContact'], [])).toBe('drugtests');
    expect(tabFor(['appointmentNeedsOutcome'], [])).toBe('appointments');
    expect(tabFor(['endingSoon'], [])).toBe('case');
    // The flag filtered by wins over the row's first flag.
    expect(tabFor(['positiveTest', 'overdueContact'], ['overdueContact'])).toBe('contacts');
  });

  it('loads the pages the visible rows are on, and always the first', () => {
    expect(pagesFor(0, 30, 1000, 200)).toEqual([0]);
    expect(pagesFor(190, 230, 1000, 200)).toEqual([0, 1]);
    expect(pagesFor(950, 1100, 1000, 200)).toEqual([0, 4]);
    expect(pagesFor(0, 0, 0, 200)).toEqual([0]);
  });

  it('moves the active row with the navigation keys, within the list', () => {
    expect(moveActive('ArrowDown', 0, 10, 5)).toBe(1);
    expect(moveActive('ArrowDown', 9, 10, 5)).toBe(9);
    expect(moveActive('ArrowUp', 0, 10, 5)).toBe(0);
    expect(moveActive('PageDown', 7, 10, 5)).toBe(9);
    expect(moveActive('PageUp', 3, 10, 5)).toBe(0);
    expect(moveActive('Home', 6, 10, 5)).toBe(0);
    expect(moveActive('End', 2, 10, 5)).toBe(9);
    expect(moveActive('x', 2, 10, 5)).toBeNull();
    expect(moveActive('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
