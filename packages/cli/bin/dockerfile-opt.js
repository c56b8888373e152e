#!/usr/bin/env node
// The program is src/main.ts, bundled by scripts/bundle.mjs (part of `pnpm build`).
import '../dist/bundle/dockerfile-opt.mjs';
