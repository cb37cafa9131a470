#!/usr/bin/env node
import { runCli } from './index.js';

const code = await runCli(process.argv.slice(2));
// A candidate module may leave timers or handles behind (or a train that timed
// out may still be waiting); once the report is out, nothing is left to wait
// for. Exit after stdout and stderr have taken everything written to them.
const flushed = (stream: NodeJS.WriteStream): Promise<void> => new Promise((resolve) => stream.write('', () => resolve()));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
