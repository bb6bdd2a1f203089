// The few globals that both Node and browsers have, declared for the purity check of shared/
// (tsconfig.shared.json), which has neither Node's nor the DOM's types.
declare function setTimeout(handler: () => void, ms?: number): unknown;
declare function clearTimeout(id: unknown): void;
declare const console: { log(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void };
declare class TextEncoder { encode(s: string): Uint8Array; }
declare class TextDecoder { constructor(label?: string, options?: { fatal?: boolean }); decode(b: Uint8Array): string; }
