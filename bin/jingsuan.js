#!/usr/bin/env node
// Entry of `npx jingsuan`: the TypeScript sources, compiled and remembered by esbuild (cli-build.js), or run
// through tsx's loader where the compiled copy cannot be made. No build step needed either way.
import { compiledMain } from './cli-build.js';

async function sourceMain() {
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

// A reader that stops early (`jingsuan run … | head`) closes the pipe: that ends the command, not an error.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

const main = (await compiledMain()) ?? (await sourceMain());
process.exitCode = await main(process.argv.slice(2));
