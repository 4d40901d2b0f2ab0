// Runs in: lint tooling (types only). Types of runs-in.mjs for TypeScript callers (its Vitest test).
import type { Rule } from 'eslint';

export type Place = 'node' | 'electron-main' | 'preload' | 'renderer' | 'dom-test';
export type Need = 'node' | 'nodeGlobal' | 'dom' | 'electronMain' | 'preload' | 'electron' | 'electronModule';

export interface Header {
  /** 1-based line of the "Runs in:" comment. */
  line: number;
  /** The claim: the first sentence after "Runs in:". */
  text: string;
  /** Places where the file's code runs. */
  runs: Set<Place>;
  /** Places that only import its types. */
  typesOnly: Set<Place>;
}

export const VOCABULARY: string;
export const NODE_PACKAGES: Set<string>;
export const DOM_PACKAGES: Set<string>;
export function parseHeader(source: string): Header | null;
export function moduleNeed(source: string): Need | null;

declare const rule: Rule.RuleModule;
export default rule;
