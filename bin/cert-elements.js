#!/usr/bin/env node
// Entry of the `cert-elements` command; the compiled CLI lives in dist/node (npm run build).
import { main } from '../dist/node/cli/main.js';

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
