import type {
  Bridge,
  ChannelName,
  ErrorPayload,
  EventName,
  Events,
  InputOf,
  OutputOf,
} from '../db/contract';
import type { ErrorCode } from '../db/errors';

/** Where the preload (or the test bridge) puts the API; typed here so pure modules stay DOM-free. */
interface BridgeHost {
  api?: Bridge;
}
const host = (): BridgeHost => globalThis as unknown as BridgeHost;

/** A failed call: the service's stable error code plus its English fallback message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorPayload['details'];

  constructor(code: ErrorCode, message: string, details?: ErrorPayload['details']) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

export function isApiError(e: unknown, code?: ErrorCode): e is ApiError {
  return e instanceof ApiError && (code === undefined || e.code === code);
}

function bridge(): Bridge {
  const api = host().api;
  if (!api) throw new ApiError('INTERNAL', 'window.api is not available');
  return api;
}

export async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const envelope = await bridge().invoke(channel, input);
  if (envelope.ok) return envelope.value;
  const { code, message, details } = envelope.error;
  throw new ApiError(code, message, details);
}

export function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return bridge().on(event, listener);
}

export function hasBridge(): boolean {
  return typeof host().api?.invoke === 'function';
}
