// Data for the benchmark: a large generated feed, and a plain pre-rendered
// HTML page of the demo data to compare the portal against.

const AREAS = [
  ['north_gaza', 31.53, 34.5, 'شمال غزة'],
  ['gaza', 31.5, 34.45, 'مدينة غزة'],
  ['deir_al_balah', 31.42, 34.35, 'دير البلح'],
  ['khan_younis', 31.34, 34.3, 'خان يونس'],
  ['rafah', 31.28, 34.25, 'رفح'],
];
const SERVICES = ['food', 'bread', 'water', 'hygiene', 'medical', 'nutrition', 'shelter', 'cash', 'fuel', 'clothing', 'psychosocial'];
const STATUSES = ['open', 'open', 'open', 'closed', 'suspended', 'out_of_stock', 'moved'];

/** A deterministic distribution_points feed of `n` items (about 400 bytes each). */
export function generateDistribution(n) {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const items = [];
  for (let i = 0; i < n; i++) {
    const [area, lat, lon, arArea] = AREAS[i % AREAS.length];
    items.push({
      id: `p-${i}`,
      updated_at: '2026-11-24T06:00:00+02:00',
      area: [area],
      name: { ar: `نقطة توزيع رقم ${i} — ${arArea}`, en: `Distribution point ${i}` },
      organization: { ar: 'منظمة تجريبية', en: 'Sample organisation' },
      location: { lat: +(lat + (rnd() - 0.5) * 0.05).toFixed(5), lon: +(lon + (rnd() - 0.5) * 0.05).toFixed(5) },
      landmark: { ar: `قرب المدرسة رقم ${i % 97}`, en: `Near school no. ${i % 97}` },
      services: SERVICES.filter(() => rnd() < 0.3),
      status: STATUSES[Math.floor(rnd() * STATUSES.length)],
      hours: [{ days: ['sat', 'sun', 'mon', 'tue', 'wed', 'thu'], open: '08:00', close: `${12 + (i % 6)}:00` }],
    });
  }
  return {
    format: 'bawaba-feed/1',
    kind: 'distribution_points',
    id: 'bench-distribution',
    publisher: { name: { en: 'Benchmark generator' } },
    published_at: '2026-11-24T06:00:00+02:00',
    expires_at: '2027-11-24T06:00:00+02:00',
    demo: true,
    items,
  };
}

const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/**
 * What a server-rendered page of the same information would be: the overview
 * in Arabic, no script. The portal's first content is compared with its FCP.
 */
export function plainPage(feeds, now) {
  const t = (x) => (x && (x.ar ?? x.en ?? Object.values(x)[0])) || '';
  const corridors = feeds.corridors.items.map((c) => `<li><a href="#">${esc(t(c.name))}</a> <strong>${esc(c.status)}</strong></li>`).join('\n');
  const notices = feeds.notices.items
    .filter((n) => !n.expires_at || new Date(n.expires_at) > now)
    .map((n) => `<li><strong>${esc(n.severity)}</strong> ${esc(t(n.title))}</li>`)
    .join('\n');
  const points = feeds.distribution.items.map((p) => `<li>${esc(t(p.name))} — ${esc(t(p.landmark))}</li>`).join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>بوابة</title><style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:48rem;padding:0 .75rem}li{padding:.375rem 0}</style></head>
<body><header><h1>بوابة — معلومات عامة لغزة</h1></header><p><strong>بيانات تجريبية</strong></p>
<main><h2>المعابر والطرق الآن</h2><ul>${corridors}</ul><h2>تنبيهات مهمة</h2><ul>${notices}</ul><h2>توزيع المساعدات</h2><ul>${points}</ul></main></body></html>`;
}
