// Builds public/vendor/echarts.min.js from scripts/echarts-entry.js (run: `npm run build:echarts`).
//
// A script rather than a one-line esbuild CLI call so the licence banner and the size line stay
// readable. The output is generated (gitignored); scripts/setup.sh rebuilds it when it is missing
// or older than package-lock.json.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const outfile = 'public/vendor/echarts.min.js';
const echartsVersion = JSON.parse(readFileSync('node_modules/echarts/package.json', 'utf8')).version;

// Apache-2.0 asks us to pass ECharts' NOTICE on, and zrender's BSD-3 licence asks to keep its
// copyright line; `legalComments: 'eof'` adds the notices esbuild finds in the sources (tslib,
// zrender) at the end of the file.
const banner = `/*! chiso's custom build of Apache ECharts ${echartsVersion} (Apache-2.0): bar, line; grid, tooltip, markLine.
 * Apache ECharts. Copyright 2017-2026 The Apache Software Foundation.
 * This product includes software developed at The Apache Software Foundation (https://www.apache.org/).
 * ZRender (BSD-3-Clause), Copyright (c) 2017, Baidu Inc. tslib (0BSD), Copyright (c) Microsoft Corporation. */`;

await build({
  entryPoints: ['scripts/echarts-entry.js'],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2019',
  platform: 'browser',
  // esbuild already sets this when minifying for the browser; said out loud because ECharts'
  // dev-only checks hang on it.
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'eof',
  banner: { js: banner },
  logLevel: 'warning',
});

const bytes = readFileSync(outfile);
const gzipBytes = gzipSync(bytes, { level: 9 }).length;
console.log(`${outfile}: ${bytes.length} bytes raw, ${gzipBytes} bytes gzip -9`);
