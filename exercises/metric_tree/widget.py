"""The metric-tree builder's widget: pick a product and a north star, connect each metric, then check the tree."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.choices import menu
from ..kit.text import escape_markdown
from ..kit.views import CHOOSE_FIRST, LABEL_STYLE, WIDE, ExerciseView, assemble, batched, fix_first, update_showing
from .chart import chart_panel
from .model import COUNTER, NORTH_STAR, OUT, MetricTree, Product, build_tree, check_tree, metric_trees

EXERCISE_ID = "metric-tree"
NOT_CHOSEN = "Choose a north star and connect at least one metric to it first."


def _targets(product: Product, number: int) -> list[tuple[str, str]]:
    """What metric ``number`` can connect to: out, the north star, a counter-metric, or another metric."""
    others = [(f"feeds #{n}: {m.short}", m.id) for n, m in enumerate(product.metrics, 1) if n != number]
    return [("leave it out", OUT), ("feeds the north star", NORTH_STAR), ("counter-metric", COUNTER), *others]


def build_metric_tree(products: tuple[Product, ...] | None = None) -> ExerciseView:
    """The live metric-tree builder over ``products`` (default: the shipped ones)."""
    products = products or metric_trees()
    by_id = {p.id: p for p in products}
    most = max(len(p.metrics) for p in products)
    product = widgets.Dropdown(options=menu(products), value=products[0].id,
                               description="Product", style=LABEL_STYLE, layout=WIDE)
    star = widgets.Dropdown(description="North star", style=LABEL_STYLE, layout=widgets.Layout(width="40em"))
    labels = [widgets.HTML() for _ in range(most)]
    links = [widgets.Dropdown(description=f"#{n} connects to", style=LABEL_STYLE, layout=widgets.Layout(width="34em"))
             for n in range(1, most + 1)]
    rows = [widgets.VBox([label, link], layout=widgets.Layout(margin="0 0 4px 0"))
            for label, link in zip(labels, links, strict=True)]
    context, message, chart, feedback = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    check = widgets.Button(description="Check my tree", button_style="primary", icon="check")
    panel = chart_panel()
    saved: dict[str, tuple[int | None, tuple[str, ...]]] = {}  # choices per product, kept when the learner switches
    state = {"product": product.value}

    def show_product(kept: tuple[int | None, tuple[str, ...]] | None) -> None:
        chosen = by_id[product.value]
        context.value = f"<p>{render.escape(chosen.context)}</p>"
        star.options = [CHOOSE_FIRST, *((s.text, i) for i, s in enumerate(chosen.north_stars))]
        if kept and kept[0] is not None:
            star.value = kept[0]
        else:
            star.index = 0  # "Choose\u2026": see kit.views.choice_menu
        for number, (label, link, row) in enumerate(zip(labels, links, rows, strict=True), 1):
            if number > len(chosen.metrics):
                row.layout.display = "none"
                continue
            metric = chosen.metrics[number - 1]
            label.value = f"<strong>#{number}</strong> {render.escape(metric.name)}"
            link.options = _targets(chosen, number)
            link.value = kept[1][number - 1] if kept else OUT
            row.layout.display = None

    def switch_product(_change: Any) -> None:
        saved[state["product"]] = (star.value, tuple(link.value for link in links))
        state["product"] = product.value
        with batched():
            show_product(saved.get(product.value))

    def current() -> MetricTree:
        chosen = by_id[product.value]
        choices = {m.id: link.value for m, link in zip(chosen.metrics, links, strict=False)}  # spare rows are hidden
        return build_tree(chosen, star.value, choices)

    show_tree = update_showing(current, message, [(chart, panel.html)], title="Check your tree")

    def update() -> None:
        feedback.value = ""  # feedback describes the tree as it was when checked
        show_tree()

    def ready() -> MetricTree:
        tree = fix_first(current, "your tree")
        if tree.north_star is None or not tree.inputs:
            raise ValueError(NOT_CHOSEN)
        return tree

    def show_check(_button: widgets.Button | None = None) -> None:
        try:
            feedback.value = check_tree(ready())._repr_html_()
        except ValueError as error:
            feedback.value = render.notice("info", str(error), title="Nothing to check yet")

    def snapshot() -> dict[str, Any]:
        tree = ready()
        result = check_tree(tree)
        return {
            "inputs": {"product": tree.product.id, "north_star": tree.north_star.text if tree.north_star else None,
                       "connections": dict(tree.links)},
            "results": result.as_dict(),
            "markdown_body": f"{escape_markdown(tree.describe())}\n\nScore: {result.score} of {result.max_score}",
        }

    show_product(None)
    product.observe(switch_product, names="value")
    check.on_click(show_check)
    controls: dict[str, widgets.Widget] = {"product": product, "north_star": star}
    controls |= {f"link_{n}": link for n, link in enumerate(links, 1)}
    body = widgets.VBox([product, context, star, *rows])
    return assemble(
        EXERCISE_ID,
        [body, message, chart, check, feedback],
        controls=controls | {"check": check},
        outputs={"context": context, "message": message, "chart": chart, "feedback": feedback},
        update=update,
        snapshot=snapshot,
        watch=controls,
        charts={"chart": panel},
    )
