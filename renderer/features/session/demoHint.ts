/**
 * The demo office's public sign-in (db/channels/demo.ts DEMO_CREDENTIALS; the renderer may not
 * import db runtime code, so it is restated here and checked by tests/unit/renderer-demo.test.ts).
 */
export const DEMO_LOGIN_HINT = { login: 'demo', passphrase: 'demo-office-2026' } as const;
