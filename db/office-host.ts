/**
 * Holds the office the app is showing: the real office, or the demo office (a separate database
 * under <dataDir>/demo with synthetic people, marked DEMO on every screen). Electron's main process
 * and the test bridge dispatch through the host; everything but the demo channels goes to the
 * active office's dispatcher. Only the active office's events reach the window.
 */
import { join } from 'node:path';
import { createDispatcher, fail, parseInput, type Dispatch } from './api';
import { DEMO_CREDENTIALS, HOST_CHANNELS, type Envelope, type EventName, type Events, type HostChannel, type ParsedInputOf } from './contract';
import { OfficeCore, type CoreOptions } from './core';
import { DEMO_ADMIN_NAME, DEMO_OFFICE_NAME } from './demo/office';
import { AppError } from './errors';

/** Fills a freshly created demo office; reports progress as it goes. */
export type DemoFiller = (core: OfficeCore, scale: number, progress: (done: number, total: number) => void) => Promise<void>;

export class OfficeHost {
  readonly real: OfficeCore;
  private demo: OfficeCore | null = null;
  private active: OfficeCore;
  private readonly dispatchers = new Map<OfficeCore, Dispatch>();

  constructor(
    private readonly opts: CoreOptions,
    private readonly fillDemo: DemoFiller,
  ) {
    this.real = this.makeCore(opts);
    this.active = this.real;
  }

  get current(): OfficeCore {
    return this.active;
  }

  readonly dispatch: Dispatch = async (channel, input) => {
    if ((HOST_CHANNELS as readonly string[]).includes(channel)) return this.hostCall(channel as HostChannel, input);
    return this.dispatchers.get(this.active)!(channel, input);
  };

  checkIdle(): void {
    this.active.checkIdle();
  }

  close(): void {
    this.demo?.close();
    this.real.close();
  }

  private makeCore(opts: CoreOptions): OfficeCore {
    const core: OfficeCore = new OfficeCore({
      ...opts,
      onEvent: <E extends EventName>(event: E, payload: Events[E]) => {
        if (core === this.active) this.opts.onEvent?.(event, payload);
      },
    });
    this.dispatchers.set(core, createDispatcher(core));
    return core;
  }

  private async hostCall(channel: HostChannel, raw: unknown): Promise<Envelope<unknown>> {
    const parsed = parseInput(channel, raw);
    if (!parsed.ok) return parsed;
    try {
      if (channel === 'demo.open') return { ok: true, value: await this.openDemo((parsed.data as ParsedInputOf<'demo.open'>).scale) };
      this.leaveDemo();
      return { ok: true, value: null };
    } catch (e) {
      return fail(e);
    }
  }

  private async openDemo(scale: number): Promise<{ login: string }> {
    // The real office's case data must not stay open behind the demo.
    if (this.real.isUnlocked()) throw new AppError('INVALID_STATE', 'lock the office before opening the demo office');
    const demo = (this.demo ??= this.makeCore({ ...this.opts, dataDir: join(this.opts.dataDir, 'demo') }));
    if (!demo.isUnlocked()) {
      if (demo.status().state === 'no-office') {
        await demo.setup(
          {
            officeName: DEMO_OFFICE_NAME,
            adminLogin: DEMO_CREDENTIALS.login,
            adminDisplayName: DEMO_ADMIN_NAME,
            passphrase: DEMO_CREDENTIALS.passphrase,
          },
          { demo: true },
        );
        this.active = demo;
        await this.fillDemo(demo, scale, (done, total) => this.opts.onEvent?.('progress', { task: 'demo', done, total }));
      } else {
        await demo.unlock({ login: DEMO_CREDENTIALS.login, passphrase: DEMO_CREDENTIALS.passphrase });
      }
    }
    this.active = demo;
    return { login: DEMO_CREDENTIALS.login };
  }

  private leaveDemo(): void {
    if (this.active !== this.demo || !this.demo) return;
    this.demo.lock('manual');
    this.active = this.real;
  }
}
