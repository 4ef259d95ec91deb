/**
 * The schema library (zod) as an engine worker's script has it (node-pool.ts bundles this in its place). A worker
 * compiles a scenario the main thread has already validated and never parses one, but the scenario modules the
 * engine imports build their schemas as they load (a family's fields, a parameter's provenance), and loading the
 * real library, about a hundred modules, took about half of each worker's start, paid by every worker of every
 * run. The stand-in answers every schema-building call with itself; a parse throws, so one that ever reached a
 * worker would fail loudly, never pass. test/worker-script.test.ts runs every shipped scenario in workers and in
 * the main thread and finds the same numbers.
 */
const refuse = () => {
  throw new Error('the engine worker has no schema library: a scenario is validated before it reaches a worker (engine/node-pool.ts)');
};
const parsing = /^(safe)?(parse|decode|encode)/i;
// A function target, so that the stand-in can be called (z.string()) as well as read (z.core).
const stand: unknown = new Proxy(function () {}, {
  // `then` undefined: awaiting the stand-in must not wait forever.
  get: (_, key) => (typeof key !== 'string' || key === 'then' ? undefined : parsing.test(key) ? refuse : stand),
  apply: () => stand,
  construct: () => stand as object,
});
export const z = stand;
export default stand;
