// The project's rooms as its own imports draw them, for a newcomer and for
// tools/test: every Rust file's lines and the files of its crate it imports
// (`use crate::…`, `super::…`, and paths written inline; tests left out).
// Prints the largest files and any import circle; exits 1 on a circle or a
// broken rule:
//   - a view (src/routes/) never imports another view;
//   - the portal's state (src/state.rs) imports no component.
//   node tools/structure.mjs [CHECKOUT]   the report (this checkout by default)
//   node tools/structure.mjs --quiet      only what is wrong

import { readFile, readdir } from 'node:fs/promises';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const ROOT = args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '..');

async function rustFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await rustFiles(p)));
    else if (e.name.endsWith('.rs')) out.push(p);
  }
  return out;
}

/** A crate's files by module path (`a::b`; the root is ''). */
async function crateModules(src) {
  const modules = new Map();
  for (const f of await rustFiles(src)) {
    const rel = relative(src, f).split('\\').join('/').replace(/\.rs$/, '');
    const parts = rel.split('/');
    if (parts.at(-1) === 'mod' || ['lib', 'main'].includes(rel)) parts.pop();
    modules.set(parts.join('::'), f);
  }
  return modules;
}

/** The paths a file names: `use` trees expanded, and paths written inline. */
function namedPaths(text) {
  // A file's tests (last, in `mod tests`) use their own `super`.
  const tests = text.search(/#\[cfg\(test\)\]\s*mod\s/);
  const code = (tests < 0 ? text : text.slice(0, tests)).replace(/\/\/.*$/gm, '').replace(/"(?:\\.|[^"\\])*"/g, '""');
  const paths = [];
  const expand = (prefix, tree) => {
    tree = tree.trim();
    const brace = tree.indexOf('{');
    if (brace < 0) {
      paths.push((prefix + tree).replace(/\s+as\s+\w+$/, ''));
      return;
    }
    const head = tree.slice(0, brace);
    const inner = tree.slice(brace + 1, tree.lastIndexOf('}'));
    let depth = 0;
    let start = 0;
    for (let i = 0; i <= inner.length; i++) {
      const c = inner[i];
      if (c === '{') depth++;
      if (c === '}') depth--;
      if ((c === ',' && depth === 0) || i === inner.length) {
        const part = inner.slice(start, i).trim();
        if (part) expand(prefix + head, part === 'self' ? '' : part);
        start = i + 1;
      }
    }
  };
  for (const m of code.matchAll(/\buse\s+((?:crate|super)::[^;]+);/g)) expand('', m[1]);
  for (const m of code.matchAll(/(?<![\w:])((?:crate|super)(?:::\w+)+)/g)) paths.push(m[1]);
  return paths.map((p) => p.replace(/::$/, ''));
}

/** The crate's file a path names, from the module `here`. */
function resolve(path, here, modules) {
  let parts = path.split('::');
  let base = here.split('::').filter(Boolean);
  if (parts[0] === 'crate') {
    base = [];
    parts = parts.slice(1);
  } else {
    while (parts[0] === 'super') {
      base.pop();
      parts = parts.slice(1);
    }
  }
  const full = [...base, ...parts];
  for (let n = full.length; n >= 0; n--) {
    const f = modules.get(full.slice(0, n).join('::'));
    if (f) return f;
  }
  return null;
}

const crates = [join(ROOT, 'src'), ...(await readdir(join(ROOT, 'crates'))).map((c) => join(ROOT, 'crates', c, 'src'))];
const edges = new Map();
const lines = new Map();
for (const src of crates) {
  const modules = await crateModules(src);
  for (const [module, file] of modules) {
    const text = await readFile(file, 'utf8');
    lines.set(file, text.split('\n').length);
    // A file's own module is `here` for `super`, except a mod.rs/lib.rs, whose children are below it.
    const isDir = /(?:\/mod|\/lib|\/main)\.rs$/.test(file);
    const here = isDir ? module + '::x' : module;
    const to = new Set();
    for (const p of namedPaths(text)) {
      const target = resolve(p, here, modules);
      if (target && target !== file) to.add(target);
    }
    edges.set(file, to);
  }
}

const rel = (f) => relative(ROOT, f).split('\\').join('/');
const problems = [];

// Circles: strongly connected components of more than one file (Tarjan).
let index = 0;
const idx = new Map();
const low = new Map();
const stack = [];
const on = new Set();
const circles = [];
function connect(v) {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  on.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!idx.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
  }
  if (low.get(v) === idx.get(v)) {
    const part = [];
    let w;
    do {
      w = stack.pop();
      on.delete(w);
      part.push(w);
    } while (w !== v);
    if (part.length > 1) circles.push(part.map(rel).sort());
  }
}
for (const v of edges.keys()) if (!idx.has(v)) connect(v);
for (const c of circles) problems.push(`import circle: ${c.join(' <-> ')}`);

for (const [from, to] of edges) {
  const f = rel(from);
  for (const t of [...to].map(rel)) {
    if (f.startsWith('src/routes/') && t.startsWith('src/routes/') && dirname(f) === 'src/routes' && dirname(t) === 'src/routes' && !t.endsWith('/mod.rs')) {
      problems.push(`a view imports another view: ${f} -> ${t}`);
    }
    if (f === 'src/state.rs' && t.startsWith('src/components/')) problems.push(`the portal's state imports a component: ${f} -> ${t}`);
  }
}

if (!quiet) {
  const sorted = [...lines].sort((a, b) => b[1] - a[1]);
  const total = sorted.reduce((n, [, l]) => n + l, 0);
  console.log(`${sorted.length} Rust files, ${total} lines; the largest:`);
  for (const [f, l] of sorted.slice(0, 12)) console.log(`  ${String(l).padStart(5)}  ${rel(f)}`);
  console.log(`import circles: ${circles.length}`);
}
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
