import type { BuildOptions } from 'esbuild';
export const projectRoot: string;
export const outDir: string;
export const mainOptions: BuildOptions;
export const preloadOptions: BuildOptions;
export const reportWorkerOptions: BuildOptions & { outfile: string };
export const importWorkerOptions: BuildOptions & { outfile: string };
