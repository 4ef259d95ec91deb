// Types of bin/cli-build.js (plain JavaScript: the entry runs before any TypeScript is compiled).
export function sourceStamp(...inputs: string[]): string;
export function compiledMain(): Promise<((argv: string[]) => Promise<number>) | null>;
