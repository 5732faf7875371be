/*
 * Draws each participation chart from the table beside it: the table is the source (and what screen readers and
 * people without JavaScript get), so chart and table cannot disagree. Columns marked data-series become series; each
 * row's header cell is its label, read as text, so a group's name never becomes markup.
 */
(function () {
    "use strict";

    var PALETTE = ["#1b6ca8", "#edae49", "#3d7a3d", "#d1495b", "#6a4c93"];

    function readTable(table) {
        var headers = Array.prototype.slice.call(table.querySelectorAll("thead th"));
        var columns = [];
        headers.forEach(function (th, index) {
            if (th.hasAttribute("data-series")) {
                columns.push({index: index, name: th.textContent.trim(), values: []});
            }
        });
        var labels = [];
        table.querySelectorAll("tbody tr").forEach(function (row) {
            var cells = row.children;
            labels.push(cells[0].textContent.trim());
            columns.forEach(function (column) {
                column.values.push(Number(cells[column.index].textContent.trim()) || 0);
            });
        });
        return {labels: labels, columns: columns};
    }

    function draw(element) {
        var table = document.getElementById(element.dataset.table);
        if (!window.echarts || !table || element.dataset.drawn) {
            return;
        }
        element.dataset.drawn = "true";
        var data = readTable(table);
        var line = element.dataset.kind === "line";
        var chart = window.echarts.init(element, null, {renderer: "canvas"});
        chart.setOption({
            animation: false,
            color: PALETTE,
            legend: {top: 0},
            tooltip: {trigger: "axis"},
            grid: {left: 48, right: 16, top: 36, bottom: 72},
            xAxis: {type: "category", data: data.labels, axisLabel: {rotate: line ? 0 : 30, hideOverlap: true}},
            yAxis: {type: "value", minInterval: 1},
            series: data.columns.map(function (column) {
                return {name: column.name, type: line ? "line" : "bar", data: column.values, showSymbol: false};
            })
        });
        window.addEventListener("resize", function () { chart.resize(); });
    }

    function drawAll() {
        document.querySelectorAll(".participation-chart").forEach(draw);
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", drawAll);
    } else {
        drawAll();
    }
})();
