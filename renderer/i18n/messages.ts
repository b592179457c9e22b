import type { ja } from './ja';

type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** The shape every language must have: the Japanese messages' keys, with string values. */
export type Messages = DeepStrings<typeof ja>;
