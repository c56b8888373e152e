import { initShellParser } from '@dockerfile-opt/core';

// The shell parser (tree-sitter-bash as WebAssembly) loads asynchronously, once per test file.
await initShellParser();
