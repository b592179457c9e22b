export function findElectronBinary(): string | null;
export function electronVersion(): string;
export const MISSING_ELECTRON_MESSAGE: string;
