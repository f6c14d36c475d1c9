// <sportello-chart>: a chart drawn by Apache ECharts (npm, tree-shaken: bar and line charts,
// SVG renderer) from the option object the server sets. The figures are also in the table that
// follows each chart (the accessible alternative): the chart is one image with a label.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

class SportelloChart extends HTMLElement {
  constructor() {
    super();
    this._option = null;
    this._chart = null;
    this._resize = null;
  }

  connectedCallback() {
    if (!this._chart) {
      this._chart = echarts.init(this, null, { renderer: 'svg' });
      this._resize = new ResizeObserver(() => this._chart && this._chart.resize());
      this._resize.observe(this);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._resize) {
      this._resize.disconnect();
      this._resize = null;
    }
    if (this._chart) {
      this._chart.dispose();
      this._chart = null;
    }
  }

  set option(value) {
    this._option = value;
    this._render();
  }

  get option() {
    return this._option;
  }

  _render() {
    if (this._chart && this._option) {
      // numbers as the page's language writes them (ECharts' own format is English: 2,500)
      const numbers = new Intl.NumberFormat(document.documentElement.lang || 'it');
      const option = Object.assign({}, this._option, {
        yAxis: Object.assign({}, this._option.yAxis, { axisLabel: { formatter: (value) => numbers.format(value) } }),
        tooltip: Object.assign({}, this._option.tooltip, { valueFormatter: (value) => numbers.format(value) }),
      });
      // the server's option replaces the whole chart (notMerge): series may come and go
      this._chart.setOption(option, true);
      this.setAttribute('data-rendered', String(this._option.series ? this._option.series.length : 0));
    }
  }
}

customElements.define('sportello-chart', SportelloChart);
