// The custom ECharts build that chiso ships: only the charts and components the app draws.
// (A plain `//` header here: esbuild would copy a `//!` comment into the bundle as a legal notice.)
//
// Bundled by `npm run build:echarts` (scripts/build-echarts.mjs: esbuild, minified IIFE, es2019) into
// public/vendor/echarts.min.js, which is generated and gitignored. The full ECharts bundle is
// about 1 MB; registering only what we use keeps the first visit small. If a chart in src/charts/
// starts using another series type or component, import and register it here, or ECharts logs
// "[ECharts] Series xxx is used but not imported" and draws nothing.
//
// The wasm side (charming's renderer and our own bindings) looks the library up as the global
// `echarts`, exactly as if the official dist/echarts.min.js had been loaded with a <script> tag.

import * as echarts from 'echarts/core';
// What src/charts/ emits: bar series (ranking_bar, rank_band), line series (rank_band, slope),
// the mean as a markLine (ranking_bar), grid, tooltip, and the axes GridComponent brings.
// Not registered, as no chart sets them: scatter and custom series, title, legend, markPoint,
// markArea, dataset, aria (the chart's <div> carries its own role="img" and aria-label).
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

// `echarts/core` exports init, getInstanceByDom, registerTheme, dispose, use, version, ...
window.echarts = echarts;
