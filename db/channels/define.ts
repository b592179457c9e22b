import { z } from 'zod';

/** Declares a channel: its input schema, and (as a phantom) the type it returns. */
export function channel<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out });
}

export const uuid = z.string().uuid();
/** A calendar date in Japan, YYYY-MM-DD, with no time zone arithmetic. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date: YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');
export const empty = z.object({}).strict();
