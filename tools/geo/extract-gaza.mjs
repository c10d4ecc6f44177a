// Regenerates public/geo/gaza-strip.json: the Gaza Strip outline from
// Natural Earth (public domain) as packaged by the npm package world-atlas.
//   cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
//   node tools/geo/extract-gaza.mjs /tmp/package/countries-10m.json > public/geo/gaza-strip.json
import { readFileSync } from 'node:fs';

const topo = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// TopoJSON arcs are quantized and delta-encoded.
const arc = (i) => {
  const a = topo.arcs[i < 0 ? ~i : i];
  let x = 0, y = 0;
  const pts = a.map(([dx, dy]) => { x += dx; y += dy; return [+(x * sx + tx).toFixed(5), +(y * sy + ty).toFixed(5)]; });
  return i < 0 ? pts.reverse() : pts;
};
const ring = (arcs) => arcs.flatMap((i, k) => (k ? arc(i).slice(1) : arc(i)));
const palestine = topo.objects.countries.geometries.find((g) => g.properties.name === 'Palestine');
const gaza = palestine.arcs.map((poly) => poly.map(ring)).find((poly) => poly[0].every(([lon]) => lon < 34.7));
console.log(JSON.stringify({
  source: 'Natural Earth 1:10m admin 0 (public domain), via the npm package world-atlas 2.0.2',
  licence: 'Public domain (Natural Earth terms of use)',
  note: 'Outline only; governorate boundaries are not included in this source.',
  outline: gaza[0],
}));
