/** A value of one column as SQLite stores it for the app (booleans are 0/1). */
export type Scalar = string | number | null;
export type Row = Record<string, Scalar>;
