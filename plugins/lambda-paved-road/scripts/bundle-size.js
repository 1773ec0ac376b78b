#!/usr/bin/env node
/* eslint-disable no-console -- a CLI script: printing is its output */
/*
 * Reads the app's production build (`yarn workspace app build`) and prints
 * where this plugin's code landed: the chunks holding the Deployments tab
 * and the overview card, their sizes (raw and gzip), and whether any of it
 * is in the entry bundle (it must not be: both are lazy-loaded).
 *
 *   node plugins/lambda-paved-road/scripts/bundle-size.js [path/to/app/dist]
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const dist = path.resolve(
  process.argv[2] ?? path.join(__dirname, '../../../packages/app/dist'),
);
const staticDir = path.join(dist, 'static');
if (!fs.existsSync(staticDir)) {
  console.error(`No build at ${dist}: run \`yarn workspace app build\` first.`);
  process.exit(1);
}

// Strings that exist only in the plugin's lazily loaded components.
const MARKERS = {
  'Deployments tab': 'lambda-details-',
  'overview card': 'see Deployments tab',
};

const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const entry = new Set(
  [...html.matchAll(/<script[^>]+src="[^"]*?\/?static\/([^"]+\.js)"/g)].map(
    m => m[1],
  ),
);

const kb = n => `${(n / 1024).toFixed(1)} KiB`;
const chunks = fs.readdirSync(staticDir).filter(f => f.endsWith('.js'));
let failed = false;
const rows = [];
for (const [what, marker] of Object.entries(MARKERS)) {
  const holders = chunks.filter(f =>
    fs.readFileSync(path.join(staticDir, f), 'utf8').includes(marker),
  );
  if (holders.length === 0) {
    console.error(
      `The ${what} was not found in any chunk (marker "${marker}").`,
    );
    failed = true;
  }
  for (const f of holders) {
    const buf = fs.readFileSync(path.join(staticDir, f));
    const inEntry = entry.has(f);
    if (inEntry) failed = true;
    rows.push({
      component: what,
      chunk: f,
      raw: kb(buf.length),
      gzip: kb(zlib.gzipSync(buf).length),
      entry: inEntry ? 'YES (should be lazy)' : 'no',
    });
  }
}
const entryBytes = [...entry].reduce(
  (n, f) =>
    n +
    (fs.existsSync(path.join(staticDir, f))
      ? fs.statSync(path.join(staticDir, f)).size
      : 0),
  0,
);
console.table(rows);
console.log(
  `Entry bundle: ${entry.size} script(s), ${kb(
    entryBytes,
  )} raw, none of them holds the plugin's components: ${failed ? 'NO' : 'yes'}`,
);
process.exit(failed ? 1 : 0);
