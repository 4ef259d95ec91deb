/**
 * Limits on untrusted scenario files (they come from other planners): a file past these is refused with a
 * message rather than allowed to exhaust memory or freeze a tab.
 */
export const LIMITS = {
  fileBytes: 2_000_000,
  depth: 24,
  stringLength: 4000,
  insuredPerPopulation: 100_000_000,
  insuredTotal: 200_000_000,
  trials: 100_000,
  populations: 16,
  rulesets: 12,
  tracks: 4,
  bands: 24,
  groups: 8,
  modifiers: 16,
  tiers: 16,
  fundingChannels: 32,
  empiricalAtoms: 10_000,
  targets: 64,
  maxAmount: 1e10,
  /** People drawn one by one in a whole run (expected): about 15 minutes of work on two cores at this size. */
  drawsPerRun: 5e9,
  /** Per-trial results a run keeps for its summary (trials × rulesets × populations × figures × 8 bytes). */
  resultBytes: 512 * 2 ** 20,
  /** The drawn people all workers of a run hold at once. */
  workerBytes: 4 * 2 ** 30,
} as const;

/** Keys that could reach Object.prototype when a parsed file is merged into other objects. */
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
