import { describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS } from '../../db/contract';
import { DEMO_LOGIN_HINT } from '../../renderer/features/session/demoHint';

describe('demo office sign-in hint', () => {
  it('matches the credentials the demo office is created with', () => {
    expect(DEMO_LOGIN_HINT).toEqual(DEMO_CREDENTIALS);
  });
});
