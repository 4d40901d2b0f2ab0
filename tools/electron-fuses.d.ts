// Runs in: tooling (types only). Types of electron-fuses.js for TypeScript callers (its Vitest test).
import type { FuseV1Config } from '@electron/fuses';

export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  /** builder-util's Arch: ia32 0, x64 1, armv7l 2, arm64 3, universal 4. */
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}

export declare const FUSES: Readonly<Record<string, boolean>>;
export declare function fuseConfig(platform: string, arch: number): FuseV1Config;
export declare function electronBinary(context: PackContext): string;
declare function afterPack(context: PackContext): Promise<void>;
export default afterPack;
