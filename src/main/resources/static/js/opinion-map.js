/*
 * Draws the opinion map (an ECharts scatter) from the page's points endpoint. The page's tables say the same in
 * words, so the chart is hidden from screen readers. Redrawn when htmx swaps in a newer map.
 */
(function () {
    "use strict";

    var PALETTE = ["#1b6ca8", "#d1495b", "#edae49", "#00798c", "#6a4c93", "#3d7a3d", "#8c5e3c", "#5c6b73"];
    var UNGROUPED = "#b8c0c8";

    function seriesOf(data, groupPrefix, youLabel) {
        var byGroup = [];
        var ungrouped = [];
        data.points.forEach(function (point) {
            if (point.group < 0) {
                ungrouped.push([point.x, point.y]);
                return;
            }
            (byGroup[point.group] = byGroup[point.group] || []).push([point.x, point.y]);
        });
        var series = [];
        for (var g = 0; g < data.groups; g++) {
            series.push({
                name: groupPrefix + " " + String.fromCharCode(65 + g), type: "scatter", symbolSize: 6,
                large: true, data: byGroup[g] || [], itemStyle: {color: PALETTE[g % PALETTE.length]}
            });
        }
        if (ungrouped.length) {
            series.push({name: "–", type: "scatter", symbolSize: 4, large: true, data: ungrouped,
                itemStyle: {color: UNGROUPED}});
        }
        if (data.me) {
            series.push({name: youLabel, type: "scatter", symbol: "diamond", symbolSize: 16, z: 10,
                data: [[data.me.x, data.me.y]], itemStyle: {color: "#111", borderColor: "#fff", borderWidth: 2}});
        }
        return series;
    }

    function draw(element) {
        if (!window.echarts || element.dataset.drawn) {
            return;
        }
        element.dataset.drawn = "true";
        fetch(element.dataset.points, {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) {
                if (!data) {
                    return;
                }
                var chart = window.echarts.init(element, null, {renderer: "canvas"});
                chart.setOption({
                    animation: false,
                    legend: {top: 0},
                    grid: {left: 24, right: 24, top: 40, bottom: 24},
                    xAxis: {type: "value", axisLabel: {show: false}, splitLine: {show: false}},
                    yAxis: {type: "value", axisLabel: {show: false}, splitLine: {show: false}},
                    series: seriesOf(data, element.dataset.groupPrefix, element.dataset.you)
                });
                window.addEventListener("resize", function () { chart.resize(); });
            });
    }

    function drawAll() {
        document.querySelectorAll(".opinion-chart").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
    document.addEventListener("htmx:afterSettle", drawAll);
})();
