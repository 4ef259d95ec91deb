// The floors of src/, lowest first (README "Floors"): a module imports only from its own floor or the floors
// below it, type imports included, and no import cycle anywhere. `npm run lint` checks it (dependency-cruiser).
const FLOORS = [
  ['math'], // numerics with no domain: special functions, quadrature, optimisers
  ['scenario'], // the file format: schema, validation, migration, edits
  ['random'], // seeded streams, severity and frequency distributions (built from the file's specs)
  ['rules'], // one person's benefit under a ruleset, exact to the fen
  ['finance'], // fund-level rules: subsidies, pooling, corridors
  ['engine'], // the model compiled from a scenario, Monte Carlo, analytic expectations, summaries
  ['aggregate'], // the exact aggregate distribution by FFT
  ['fit'], // severity fits from a bureau's claims data
  ['analysis'], // calibrate, solve, sweep, breakdowns
  ['report'], // tables, charts, strings, Markdown and Word
  ['cli', 'ui'], // the two doors, side by side: neither imports the other
];

const floorOf = (name) => FLOORS.findIndex((f) => f.includes(name));
const forbidden = [];
for (const [i, floor] of FLOORS.entries()) {
  for (const name of floor) {
    const above = FLOORS.slice(i + 1).flat();
    const beside = floor.filter((other) => other !== name);
    const banned = [...above, ...beside];
    if (!banned.length) continue;
    forbidden.push({
      name: `floor-${name}`,
      comment: `src/${name}/ (floor ${floorOf(name)}) must not import from a floor above it or beside it: ${banned.join(', ')}`,
      severity: 'error',
      from: { path: `^src/${name}/` },
      to: { path: `^src/(${banned.join('|')})/` },
    });
  }
}
forbidden.push(
  {
    name: 'no-circular',
    comment: 'no import cycle, type imports and dynamic imports included',
    severity: 'error',
    from: { path: '^src/' },
    to: { circular: true },
  },
  {
    name: 'unknown-floor',
    comment: 'every folder of src/ has a floor (add it to FLOORS in .dependency-cruiser.cjs and to the README table)',
    severity: 'error',
    from: { path: `^src/(?!(${FLOORS.flat().join('|')})/)[^/]+/` },
    to: {},
  },
);

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },

};
