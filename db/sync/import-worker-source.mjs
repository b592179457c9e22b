// Starts the sync import worker from its TypeScript source (vitest, the Playwright harness, tsx).
// Node 20 does not apply `--import tsx` loader hooks inside worker threads; tsx's API does.
import { tsImport } from 'tsx/esm/api';

await tsImport('./import-worker.ts', import.meta.url);
