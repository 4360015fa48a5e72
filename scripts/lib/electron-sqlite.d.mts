// Types for electron-sqlite.mjs (plain JS so `npm start` needs no build step), for the tests that import it.
export interface ElectronTarget {
  electronVersion: string;
  platform: NodeJS.Platform;
  arch: string;
}
export interface StepContext {
  root: string;
  stageDir: string;
  moduleDir: string;
  target: ElectronTarget;
}
export interface SqliteSteps {
  download(context: StepContext): Promise<void>;
  build(context: StepContext): Promise<void>;
}
export type PreparedSqlite =
  { ok: true; path: string; how: 'cached' | 'downloaded' | 'built' } | { ok: false; reason: string };
export const TOOLCHAIN: Record<string, string>;
export const defaultSteps: SqliteSteps;
export function electronVersionOf(root: string): string;
export function electronSqlitePath(root: string, target: ElectronTarget): string;
export function downloadProblem(error: unknown): string;
export function stagedFile(
  moduleSource: string,
  file: string,
  paths?: Pick<typeof import('node:path'), 'relative' | 'sep'>,
): boolean;
export function prepareElectronSqlite(
  root: string,
  options?: { target?: ElectronTarget; steps?: SqliteSteps; log?: (line: string) => void },
): Promise<PreparedSqlite>;
