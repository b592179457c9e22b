import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAppHandler, mimeTypeFor, registerAppScheme, resolveAppPath } from '../../electron/protocol';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenWebContents,
  isAppUrl,
  isSafeExternalUrl,
  type HardenableContents,
  type HardenableSession,
} from '../../electron/security';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows scripts only from the app itself', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  });

  it('denies by default and locks down base, forms, framing and plugins', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    for (const d of ['base-uri', 'form-action', 'frame-ancestors', 'object-src']) {
      expect(csp.get(d), d).toEqual(["'none'"]);
    }
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('font-src')).toEqual(["'self'"]);
  });
});

describe('isAppUrl', () => {
  it('accepts the bundled renderer', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://renderer/')).toBe(true);
    expect(isAppUrl('app://renderer/assets/index-abc.js')).toBe(true);
    expect(isAppUrl('app://renderer/index.html#/cases')).toBe(true);
  });

  it.each([
    'app://evil/index.html',
    'app://renderer.evil/index.html',
    'app://renderer:8080/index.html',
    'app://user:pw@renderer/index.html',
    'https://renderer/index.html',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'devtools://devtools/bundled/inspector.html',
    'javascript:alert(1)',
    'about:blank',
    'app:renderer',
    '',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('refuses non-strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ href: APP_ENTRY_URL })).toBe(false);
  });
});

describe('isSafeExternalUrl', () => {
  it('accepts plain https links', () => {
    expect(isSafeExternalUrl('https://www.moj.go.jp/')).toBe(true);
    expect(isSafeExternalUrl('https://example.org/a?b=c#d')).toBe(true);
  });

  it.each([
    'http://www.moj.go.jp/',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'mailto:someone@example.org',
    'smb://server/share',
    'ms-msdt:/id',
    'app://renderer/index.html',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    'https:',
    'https://',
    '//example.org/',
    'example.org',
    '',
    '   ',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
  });

  it('refuses non-strings and absurdly long input', () => {
    expect(isSafeExternalUrl(undefined)).toBe(false);
    expect(isSafeExternalUrl(42)).toBe(false);
    expect(isSafeExternalUrl(`https://example.org/${'a'.repeat(10_000)}`)).toBe(false);
  });
});

describe('resolveAppPath', () => {
  const root = path.resolve('/srv/app/renderer');

  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://renderer/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://renderer/')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://renderer')).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://renderer/assets/a%20b.js?v=1#x')).toBe(path.join(root, 'assets', 'a b.js'));
  });

  it.each([
    'app://renderer/../secret.txt',
    'app://renderer/assets/../../secret.txt',
    'app://renderer/./../x',
    'app://renderer/%2e%2e/secret.txt',
    'app://renderer/assets/%2E%2e/%2e%2E/secret.txt',
  ])(
    'keeps dot segments (the URL parser resolves them, encoded or not) inside the root: %s',
    (url) => {
      const resolved = resolveAppPath(root, url);
      expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    },
  );

  it.each([
    'app://renderer/%2E%2E%2Fsecret.txt',
    'app://renderer/assets%2f..%2f..%2fsecret.txt',
    'app://renderer/..%5c..%5csecret.txt',
    'app://renderer/assets\\..\\..\\secret.txt',
    'app://renderer/C:/Windows/win.ini',
    'app://renderer/%2Fetc%2Fpasswd',
    'app://renderer/index.html%00.png',
    'app://renderer/%E0%A4%A',
    'app://other/index.html',
    'app://renderer:1/index.html',
    'app://user:pw@renderer/index.html',
    'file:///etc/passwd',
    'https://renderer/index.html',
    'garbage',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('treats double-encoded dots as a literal file name inside the root', () => {
    expect(resolveAppPath(root, 'app://renderer/%252e%252e/secret.txt')).toBe(path.join(root, '%2e%2e', 'secret.txt'));
  });
});

describe('app:// handler', () => {
  let root: string;

  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hogo-protocol-'));
    root = path.join(dir, 'renderer');
    mkdirSync(path.join(root, 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    writeFileSync(path.join(root, 'assets', 'main.css'), 'body{}');
    writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  });

  afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

  it('serves files with their MIME type and the CSP header', async () => {
    const handler = createAppHandler(root);
    const html = await handler(new Request('app://renderer/index.html'));
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(html.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await html.text()).toContain('<title>t</title>');

    const js = await handler(new Request('app://renderer/assets/main.js'));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const css = await handler(new Request('app://renderer/assets/main.css'));
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('answers 404 with the CSP header for missing files and traversal, never reading outside', async () => {
    const reads: string[] = [];
    const handler = createAppHandler(root, async (file) => {
      reads.push(file);
      throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    });
    const missing = await handler(new Request('app://renderer/nope.js'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);

    const real = createAppHandler(root);
    const traversal = await real(new Request('app://renderer/%2e%2e/secret.txt'));
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).not.toContain('secret');
    expect(reads.every((f) => f.startsWith(root + path.sep))).toBe(true);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createAppHandler(root);
    const res = await handler(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });

  it('knows the MIME types Vite emits', () => {
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.PNG')).toBe('image/png');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('registers app:// as a standard, secure, fetch-capable scheme', () => {
    const registerSchemesAsPrivileged = vi.fn();
    registerAppScheme({ registerSchemesAsPrivileged });
    expect(registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('hardenWebContents', () => {
  type Listener = (event: { url?: string; preventDefault: () => void }) => void;

  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | null = null;
    const contents = {
      on(name: string, listener: Listener) {
        listeners.set(name, listener);
        return contents;
      },
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        openHandler = handler;
      },
    };
    const fire = (name: string, url?: string) => {
      const preventDefault = vi.fn();
      const listener = listeners.get(name);
      if (!listener) throw new Error(`no listener for ${name}`);
      listener({ url, preventDefault });
      return preventDefault.mock.calls.length > 0;
    };
    return {
      contents: contents as unknown as HardenableContents,
      fire,
      open: (url: string) => {
        if (!openHandler) throw new Error('no window open handler');
        return openHandler({ url });
      },
    };
  }

  it('keeps navigation inside the app', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, vi.fn());
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fire(event, 'app://renderer/index.html')).toBe(false);
      expect(fire(event, 'https://example.org/')).toBe(true);
      expect(fire(event, 'file:///etc/passwd')).toBe(true);
    }
  });

  it('refuses webviews', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, vi.fn());
    expect(fire('will-attach-webview')).toBe(true);
  });

  it('never opens a window; safe https links go to the OS browser', () => {
    const { contents, open } = fakeContents();
    const openExternal = vi.fn(async () => undefined);
    hardenWebContents(contents, openExternal);
    expect(open('https://www.moj.go.jp/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.moj.go.jp/');
    for (const url of ['http://example.org/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://a:b@example.org/']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('denyAllPermissions', () => {
  it('refuses every permission request and check', () => {
    let request: ((c: unknown, p: string, cb: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let device: (() => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => {
        request = h;
      },
      setPermissionCheckHandler: (h: typeof check) => {
        check = h;
      },
      setDevicePermissionHandler: (h: typeof device) => {
        device = h;
      },
    };
    denyAllPermissions(session as unknown as HardenableSession);
    const callback = vi.fn();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      request?.({}, permission, callback);
    }
    expect(callback).toHaveBeenCalledTimes(5);
    expect(callback.mock.calls.every(([granted]) => granted === false)).toBe(true);
    expect(check?.()).toBe(false);
    expect(device?.()).toBe(false);
  });
});
