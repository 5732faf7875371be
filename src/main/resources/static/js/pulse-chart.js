/*
 * Draws the Jam Pulse trend chart (posts per time window of the leading themes, an ECharts line chart) from the
 * data the page carries in data-chart. The table beside it says the same in words, so the chart is hidden from
 * screen readers. Redrawn when a live refresh swaps in newer themes.
 */
(function () {
    "use strict";

    var PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#3d7a3d", "#8c5e3c", "#5c6b73"];

    function draw(element) {
        if (!window.echarts || element.dataset.drawn) {
            return;
        }
        element.dataset.drawn = "true";
        var data = JSON.parse(element.dataset.chart);
        var chart = window.echarts.init(element, null, {renderer: "canvas"});
        chart.setOption({
            animation: false,
            color: PALETTE,
            tooltip: {trigger: "axis"},
            legend: {top: 0, type: "scroll"},
            grid: {left: 40, right: 24, top: 40, bottom: 24},
            xAxis: {type: "category", data: data.windows},
            yAxis: {type: "value", minInterval: 1},
            series: data.series.map(function (theme) {
                return {name: theme.name, type: "line", data: theme.data};
            })
        });
        window.addEventListener("resize", function () { chart.resize(); });
    }

    function drawAll() {
        document.querySelectorAll(".pulse-chart").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
    document.addEventListener("htmx:afterSettle", drawAll);
})();
