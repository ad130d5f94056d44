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
import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  AriaComponent,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  ScatterChart,
  CustomChart,
  GridComponent,
  TooltipComponent,
  TitleComponent,
  LegendComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  DatasetComponent,
  AriaComponent,
  CanvasRenderer,
]);

// `echarts/core` exports init, getInstanceByDom, registerTheme, dispose, use, version, ...
window.echarts = echarts;
