// The bulletin writer's wasm (crates/edition), and the publisher's desk's
// (crates/desk, which links bawaba-feed and so the same renderer), made
// loadable with no JavaScript glue, for tools/postbuild.mjs. Leptos's renderer brings
// wasm-bindgen's imports (DOM calls, the task queue) that rendering to a
// string never reaches; wasm-bindgen resolves its own intrinsics, then each
// import left becomes a function that traps (a bug shows as an error, never
// as a wrong page), and only the writer's exports stay, so the optimiser
// drops the rest.

import binaryen from 'binaryen';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

/** Writes pass-<hash>.wasm into `dir` from cargo's `wasm`; returns its name. */
export async function passWasm(wasm, dir, wasmOpt) {
  return moduleWasm(wasm, dir, wasmOpt, 'pass', ['write_bulletin', 'check_page']);
}

/** Writes <prefix>-<hash>.wasm into `dir` from cargo's `wasm`, keeping the
 * module's own `calls` beside input and output; returns its name. `level`
 * is wasm-opt's: the desk takes -O1, 9 s instead of 32 for 5% more bytes
 * (2.62 MB for 2.49), loaded once on a laptop; every tools/test builds it. */
export async function moduleWasm(wasm, dir, wasmOpt, prefix, calls, level = '-Oz') {
  const EXPORTS = new Set(['memory', 'input', 'output', ...calls]);
  const tmp = mkdtempSync(join(tmpdir(), `bawaba-${prefix}-`));
  try {
    execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', prefix, wasm], { stdio: 'inherit' });
    const m = binaryen.readBinary(readFileSync(join(tmp, `${prefix}_bg.wasm`)));
    // The features rustc's wasm32 target emits; binaryen's "all" would
    // write types (stringref) browsers do not take.
    const F = binaryen.Features;
    m.setFeatures(F.MVP | F.BulkMemory | (F.BulkMemoryOpt ?? 0) | F.MutableGlobals | F.SignExt | F.NontrappingFPToInt | F.ReferenceTypes | F.Multivalue | (F.CallIndirectOverlong ?? 0));
    const imports = [];
    for (let i = 0; i < m.getNumFunctions(); i++) {
      const f = binaryen.getFunctionInfo(m.getFunctionByIndex(i));
      if (f.module) imports.push(f);
    }
    for (const f of imports) {
      m.removeFunction(f.name);
      m.addFunction(f.name, f.params, f.results, [], m.unreachable());
    }
    const exports = [];
    for (let i = 0; i < m.getNumExports(); i++) exports.push(binaryen.getExportInfo(m.getExportByIndex(i)).name);
    for (const e of exports) if (!EXPORTS.has(e)) m.removeExport(e);
    const missing = [...EXPORTS].filter((e) => !exports.includes(e));
    if (missing.length) throw new Error(`${wasm} lacks ${missing.join(', ')}`);
    writeFileSync(join(tmp, 'stubbed.wasm'), m.emitBinary());
    m.dispose();
    execFileSync(wasmOpt, [level, '--low-memory-unused', '--strip-debug', '--strip-producers', join(tmp, 'stubbed.wasm'), '-o', join(tmp, 'out.wasm')], { stdio: 'inherit' });
    const bytes = readFileSync(join(tmp, 'out.wasm'));
    const name = `${prefix}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.wasm`;
    writeFileSync(join(dir, name), bytes);
    console.log(`${prefix}: ${imports.length} imports stubbed, ${bytes.length} bytes`);
    return name;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
