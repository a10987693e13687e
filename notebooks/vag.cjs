// The library for notebooks: `const vag = require("./notebooks/vag.cjs");`
// (tslab kernels run in the project root, see scripts/tslab-kernel.sh).
//
// Why not `import * as vag from "./src/index"`: tslab (1.0.22) compiles
// imported .ts files itself but resolves a directory import ("../catalog")
// inside them to "../catalog.js" only, never "../catalog/index", so the
// library's own imports fail at run time; and it type-checks all of src with
// its bundled TypeScript 5.0, which rejects types that our TypeScript 5.9
// accepts (zod 4). So the kernel loads .ts files through tsx's CommonJS hook,
// exactly as the CLI runs them: one module instance per file.
require("tsx/cjs/api").register();
module.exports = require("../src/index.ts");
