"""The chart panel: it redraws only for new inputs, and every chart shows exactly the current data."""

from __future__ import annotations

import base64
import io
import re

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

import chart_reading
from exercises import feasibility
from exercises.feasibility import chart
from exercises.kit.charts import ChartPanel, figure_png, fixed_figure, new_figure, plot_panel


def _image(html: str) -> Image.Image:
    data = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    return Image.open(io.BytesIO(base64.b64decode(data)))


def test_a_panel_redraws_only_when_its_value_changes():
    figure = new_figure(3, 2)
    figure.subplots()
    panel = ChartPanel(figure, lambda fig, heights: fig.axes[0].bar(range(len(heights)), heights),
                       lambda heights: f"{len(heights)} bars")
    first = panel.html((1, 2, 3))
    assert panel.html((1, 2, 3)) is first
    assert panel.redraws == 1
    assert 'alt="3 bars"' in first
    panel.html((1, 2))
    assert panel.redraws == 2
    assert len(figure.axes[0].patches) == 2


def test_figure_png_is_a_png_of_the_figure_size():
    figure = new_figure(4, 3, dpi=50)
    figure.subplots().plot([0, 1], [1, 0])
    image = Image.open(io.BytesIO(figure_png(figure)))
    assert image.format == "PNG"
    assert image.size == (200, 150)


def _shown_sensitivity(view) -> tuple[list[str], list[float], list[str]]:
    """What the sensitivity chart shows: tick labels, bar heights and colours."""
    ax = view.charts["chart"].figure.axes[1]
    labels = [t.get_text() for t in ax.get_xticklabels()]
    heights = chart_reading.bar_heights(ax)
    colours = [colour for _, _, colour in chart_reading.bars(ax)]
    return labels, heights, colours


@given(st.lists(st.tuples(st.sampled_from(["swing", "price", "willingness_to_pay", "reach_percent"]),
                          st.integers(0, 18)), min_size=1, max_size=8))
def test_calculator_charts_always_show_the_current_scenario(changes):
    view = feasibility.build_calculator()
    for control, step in changes:
        value = {"swing": step * 5, "price": str(5 + step * 3), "willingness_to_pay": str(10 + step * 3),
                 "reach_percent": str(step * 5)}[control]
        view.controls[control].value = value
    shown = {name: float(view.controls[name].value) for name in ("price", "willingness_to_pay", "reach_percent")}
    above = shown["price"] > shown["willingness_to_pay"]  # nobody buys: charted, with a message
    assert ("above the willingness to pay" in view.outputs["message"].value) == above
    result = feasibility.calculate(**shown)
    points = feasibility.sensitivity(result.inputs, view.controls["swing"].value)
    labels, heights, colours = _shown_sensitivity(view)
    assert labels == chart.sensitivity_labels(points)
    assert heights == [p.profit for p in points]
    assert colours == ["#8a8a8a" if p.above_willingness else "#2e7d32" if p.profit >= 0 else "#b3261e"
                       for p in points]
    profit_ax = view.charts["chart"].figure.axes[0]
    (marker,) = [line for line in profit_ax.lines if line.get_marker() == "o"]
    assert list(marker.get_xdata()) == [result.customers]
    assert list(marker.get_ydata()) == [result.profit]
    (profit,) = [line for line in profit_ax.lines if line.get_label().startswith("Profit")]
    assert (profit.get_label() == "Profit: nobody buys at this price") == above
    assert list(profit.get_ydata()) == [feasibility.profit_at(result.inputs, x) for x in profit.get_xdata()]
    break_even_lines = [list(line.get_xdata()) for line in profit_ax.lines if line.get_linestyle() == "--"]
    expected = result.break_even_customers
    assert break_even_lines == ([] if expected is None else [[expected, expected]])
    alt = view.outputs["chart"].value
    assert ("crosses zero at" in alt) == (expected is not None)
    assert ("nobody buys at this price" in alt) == above
    assert _image(view.outputs["chart"].value).size == (800, 304)


def test_swing_20_then_25_then_10_leaves_no_stale_categories():
    view = feasibility.build_calculator()
    for swing in (20, 25, 10):
        view.controls["swing"].value = swing
    labels, heights, _ = _shown_sensitivity(view)
    assert labels == ["-10%", "-8%", "-5%", "-2%", "today", "+2%", "+5%", "+8%", "+10%"]
    assert len(heights) == 9


def test_text_drawing_works_with_matplotlib_38_text_objects():
    """Pyodide 0.27.7 ships Matplotlib 3.8.4, whose Text has no get_fontfeatures or get_language."""
    from matplotlib.font_manager import FontProperties

    from exercises.kit.charts import _TextCachingRenderer

    class OldText:  # the part of a 3.8 Text the renderer may look at
        pass

    renderer = _TextCachingRenderer(60, 20, 80)
    gc = renderer.new_gc()
    renderer.draw_text(gc, 2, 15, "ok", FontProperties(size=10), 0, mtext=OldText())
    assert np.asarray(renderer.buffer_rgba())[..., 3].any()


def test_a_plot_panel_draws_on_the_one_axes_of_a_fixed_figure():
    figure = fixed_figure(4, 3, left=0.2, right=0.9, bottom=0.1, top=0.8)
    panel = plot_panel(figure, lambda ax, heights: ax.bar(range(len(heights)), heights), lambda heights: f"{heights}")
    assert len(figure.axes) == 1 and figure.subplotpars.left == 0.2 and figure.subplotpars.top == 0.8
    assert panel.html((1, 2)).endswith('alt="(1, 2)" style="max-width:100%;height:auto;" width="320">')
    assert [p.get_height() for p in figure.axes[0].patches] == [1, 2]
    assert len(fixed_figure(8, 3, columns=2, wspace=0.3).axes) == 2
