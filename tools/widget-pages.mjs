// The widgets' pages before `bawaba-feed publish` writes them with the data
// (tools/postbuild.mjs; e2e/harness.mjs for a deployment whose feeds a test
// changes): each hands over to the live widget (`?embed=`) with the same
// settings (public/widget.js), so embed.js works on a deployment never
// published. The names follow crates/ui/src/widget.rs.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

export async function writeWidgetPlaceholders(dir) {
  await mkdir(join(dir, 'widgets'), { recursive: true });
  for (const kind of ['corridors', 'distribution', 'notices']) {
    for (const lang of ['ar', 'en', 'he', 'fr']) {
      for (const compact of [false, true]) {
        const file = join(dir, 'widgets', `${kind}-${lang}${compact ? '-compact' : ''}.html`);
        const live = `embed=${kind}&lang=${lang}${compact ? '&compact=1' : ''}`;
        await writeFile(
          file,
          `<!doctype html><html lang="${lang}" data-live="${live.replaceAll('&', '&amp;')}"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'"><title>Bawaba</title></head><body><script src="../widget.js"></script></body></html>\n`,
        );
        // A published page's compressed copies would still be served.
        await rm(file + '.br', { force: true });
        await rm(file + '.gz', { force: true });
      }
    }
  }
}
