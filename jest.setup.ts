import { expect } from '@jest/globals';
import { initShellParser } from '@dockerfile-opt/core';

// The shell parser (tree-sitter-bash as WebAssembly) loads asynchronously, once per test file;
// not for the tests of loading it when a file needs it (`*.lazy-shell.test.ts`).
if (!(expect.getState().testPath ?? '').endsWith('.lazy-shell.test.ts')) await initShellParser();
