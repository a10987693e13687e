// The library for notebooks: `import * as vag from "./notebooks/vag.cjs";`
// (tslab kernels run in the project root, see scripts/tslab-kernel.sh).
//
// It is the compiled library (dist/, built from src/ by `npm run build`, which
// setup runs before notebooks, tests and start); vag.d.cts beside this file
// gives cells its types, so tslab's own compiler (TypeScript 5.0) checks every
// call. Why not `import * as vag from "./src"`: tslab compiles imported .ts
// files itself with TypeScript 5.0, resolves a directory import ("../catalog")
// to "../catalog.js" only, and rejects code our TypeScript 5.9 accepts.
// After editing src/: rebuild (or keep `npm run jupyter`'s build:watch running)
// and restart the kernel (a running kernel keeps the code it loaded).
module.exports = require("../dist/index.js");
