import type { demoJa } from './demo.ja';

export const demoEn: typeof demoJa = {
  demoOffice: {
    offerTitle: 'Explore a demo office',
    offerText:
      'Try the app on a separate database of about 250 fictional supervisees. Every screen is marked DEMO, and this office’s data is not touched.',
    open: 'Open the demo office',
    opening: 'Creating the demo office…',
    progress: '{{done}} of {{total}}',
    lockedTitle: 'This is the demo office',
    lockedText: 'Sign in with login ID “{{login}}” and passphrase “{{passphrase}}” (public, for fictional data only).',
    leave: 'Back to my office',
    leaveTitle: 'Leave the demo and return to your own office',
  },
};
