// Screenshot of the built portal on a 360 px phone, for the README and for
// looking at a change as a reader would.
// Usage: node tools/screenshot.mjs '?lang=ar&view=notices' out.png [scrollY] [--full]
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/server.mjs';

const [query = '', out = 'screenshot.png', scrollY = '0'] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const s = await startServer({ dir: process.env.BAWABA_DIST ?? 'dist' });
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const p = await b.newPage({ viewport: { width: 360, height: 740 } });
if (process.env.AT) await p.clock.setFixedTime(new Date(process.env.AT));
p.on('pageerror', (e) => console.error('page error:', e));
await p.goto(s.url + query);
await p.waitForSelector('#view-title, .fatal');
await p.waitForLoadState('networkidle');
await p.evaluate((y) => window.scrollTo(0, y), Number(scrollY));
await p.screenshot({ path: out, fullPage: process.argv.includes('--full') });
await b.close();
await s.close();
