#!/usr/bin/env node
import { runCli } from './index.js';

// exitCode, not process.exit: lets stdout drain when it is a pipe.
process.exitCode = await runCli(process.argv.slice(2));
