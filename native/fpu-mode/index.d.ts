/** Sets flush-to-zero / denormals-are-zero on the calling thread; false if unavailable. */
export declare function flushDenormals(): boolean;
export declare const available: boolean;
export declare const loadError: string | null;
