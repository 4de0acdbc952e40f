"""The backlog prioritiser's widget: edit an item's four estimates, add your own items, read the ranking,
how sure its top item is, and the value/effort chart; then Save my work."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit import render
from ..kit.choices import by_id, menu
from ..kit.numbers import format_number
from ..kit.text import escape_markdown
from ..kit.views import ExerciseView, assemble, batched, fix_first, update_showing
from .chart import chart_key, chart_panel
from .model import (
    ESTIMATE_NAMES,
    Backlog,
    BacklogItem,
    OwnItem,
    Ranking,
    backlog,
    estimate_label,
    new_own_item,
    parse_estimate,
    parse_estimates,
    quadrants,
    rank,
    score_text,
)
from .sensitivity import MAX_SWING, MIN_SWING, Sensitivity, top_item_sensitivity

EXERCISE_ID = "prioritiser"
# Labels wide enough for the longest, "Reach (members per quarter)"; buttons as wide as their labels.
LABELS = {"description_width": "17em"}
FIELD, WIDE = widgets.Layout(width="28em"), widgets.Layout(width="100%", max_width="44em")
AUTO_WIDTH = widgets.Layout(width="auto", flex="0 0 auto", align_self="flex-start")
_HELP = {
    "reach": "How many people or events this touches per period",
    "impact": "RICE's scale: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal",
    "confidence": "How sure you are of the other estimates: 100 high, 80 medium, 50 low",
    "effort": "Total work across product, design and engineering",
}


class _Backlog:
    """What the learner has typed: four texts per item, and the items they added."""

    def __init__(self, base: Backlog) -> None:
        self.base = base
        self.shipped = {item.id: item for item in base.items}
        self.own: list[OwnItem] = []
        self.drafts = {item.id: self.shipped_texts(item.id) for item in base.items}

    def shipped_texts(self, item_id: str) -> dict[str, str]:
        estimates = self.shipped[item_id].estimates
        return {name: format_number(getattr(estimates, name)) for name in ESTIMATE_NAMES}

    def titles(self) -> list[tuple[str, str]]:
        return menu(self.base.items) + [(f"{o.title} (yours)", o.id) for o in self.own]

    def title(self, item_id: str) -> str:
        return self.shipped[item_id].title if item_id in self.shipped else self.own_item(item_id).title

    def own_item(self, item_id: str) -> OwnItem:
        return by_id(self.own, item_id, f"No item of your own has the id {item_id!r}.")

    def current(self) -> tuple[Backlog, list[str]]:
        """The backlog as typed, and the titles of own items still waiting for estimates.

        ``ValueError`` lists every problem, item by item.
        """
        items, waiting, problems = [], [], []
        product = self.base.product
        for _label, item_id in self.titles():
            texts = self.drafts[item_id]
            own = item_id not in self.shipped
            if own and any(not texts[name].strip() for name in ESTIMATE_NAMES):
                found = []
                for name in ESTIMATE_NAMES:
                    if texts[name].strip():
                        try:
                            parse_estimate(name, texts[name], product)
                        except ValueError as error:
                            found.append(str(error))
                if found:
                    problems += [f"\u201c{self.title(item_id)}\u201d: {line}" for line in found]
                else:
                    waiting.append(self.title(item_id))
                continue
            try:
                estimates = parse_estimates(texts, product)
            except ValueError as error:
                problems += [f"\u201c{self.title(item_id)}\u201d: {line}" for line in str(error).splitlines()]
                continue
            if own:
                added = self.own_item(item_id)
                items.append(BacklogItem(added.id, added.title, added.theme, estimates, own=True))
            else:
                shipped = self.shipped[item_id]
                items.append(BacklogItem(shipped.id, shipped.title, shipped.theme, estimates, shipped.evidence))
        if problems:
            raise ValueError("\n".join(problems))
        return self.base.with_items(items), waiting

    def changed(self) -> list[str]:
        """Shipped items whose estimates the learner changed ("12,000" for 12000 is no change)."""
        def differs(item_id: str) -> bool:
            try:
                return parse_estimates(self.drafts[item_id], self.base.product) != self.shipped[item_id].estimates
            except ValueError:
                return True

        return [item_id for item_id in self.shipped if differs(item_id)]


def _markdown(ranking: Ranking, sensitivity: Sensitivity) -> str:
    lines = ["## My ranking", "", "| # | Item | Reach | Impact | Confidence | Effort | RICE score |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for ranked in ranking.order:
        item, est = ranked.item, ranked.item.estimates
        title = escape_markdown(item.title) + (" (mine)" if item.own else "")
        lines.append(f"| {ranked.rank} | {title} | {est.reach:,.0f} "
                     f"| {format_number(est.impact)} | {format_number(est.confidence)}% | {format_number(est.effort)} "
                     f"| {score_text(item.score)} |")
    return "\n".join([*lines, "", "## How sure is the top item?", "", escape_markdown(sensitivity.headline())])


def build_prioritiser(source: Backlog | None = None) -> ExerciseView:
    """The prioritiser over ``source`` (default: the shipped backlog)."""
    state = _Backlog(source or backlog())
    product = state.base.product
    item = widgets.Dropdown(options=state.titles(), description="Item to edit", style=LABELS, layout=WIDE)
    fields = {
        name: widgets.Text(value=state.drafts[item.value][name], description=estimate_label(name, product),
                           continuous_update=False, style=LABELS, layout=FIELD,
                           tooltip=_HELP[name])
        for name in ESTIMATE_NAMES
    }
    restore = widgets.Button(description="Restore the shipped estimates", icon="undo", layout=AUTO_WIDTH,
                             tooltip="Put back this item's estimates as the backlog had them")
    remove = widgets.Button(description="Remove this item", icon="trash", layout=AUTO_WIDTH,
                            tooltip="Take your own item off the backlog")
    new_title = widgets.Text(description="New item's title", placeholder="What would you add to this backlog?",
                             style=LABELS, layout=WIDE)
    new_theme = widgets.Dropdown(options=[(t.name, t.id) for t in state.base.themes], description="Its theme",
                                 style=LABELS, layout=WIDE)
    add = widgets.Button(description="Add to the backlog", icon="plus", layout=AUTO_WIDTH,
                         tooltip="Add your item, then type its estimates")
    swing = widgets.IntSlider(value=50, min=round(MIN_SWING * 100), max=round(MAX_SWING * 100), step=5,
                              description="Error to test (\u00b1%)", style=LABELS, layout=WIDE,
                              continuous_update=False)
    evidence, add_message, message = widgets.HTML(), widgets.HTML(), widgets.HTML()
    ranking_out, sensitivity_out, chart = widgets.HTML(), widgets.HTML(), widgets.HTML()
    panel = chart_panel(product.reach_unit)
    key = chart_key(state.base.themes)

    def store(name: str, text: str) -> None:
        state.drafts[item.value][name] = text

    for name, field in fields.items():
        field.observe(lambda change, name=name: store(name, change["new"]), names="value")

    def show_selected() -> None:
        own = item.value not in state.shipped
        restore.disabled, remove.disabled = own, not own
        text = "Your own item: type its four estimates, with your reasons for each." if own else \
            state.shipped[item.value].evidence
        evidence.value = render.notice("info", text, title="Where the numbers come from")

    def load_selected() -> None:
        with batched():
            for name, field in fields.items():
                field.value = state.drafts[item.value][name]
        show_selected()

    def current() -> tuple[Ranking, Sensitivity, list[str]]:
        typed, waiting = state.current()
        ranking = rank(typed)
        return ranking, top_item_sensitivity(ranking, swing.value / 100), waiting

    def waiting_note(computed: tuple[Ranking, Sensitivity, list[str]]) -> str:
        waiting = computed[2]
        return render.notice(
            "info", f"Not ranked yet, waiting for all four estimates: {', '.join(waiting)}.", title="Your items"
        ) if waiting else ""

    update = update_showing(  # the message says which items wait for estimates, if any
        current, message, [(message, waiting_note), (ranking_out, lambda computed: computed[0]._repr_html_()),
                           (sensitivity_out, lambda computed: computed[1]._repr_html_()),
                           (chart, lambda computed: panel.html(computed[0]) + key)],
        title="Check the estimates", hidden=(ranking_out, "The ranking is hidden until every estimate can be used."),
    )

    def on_item(_change: Any) -> None:
        load_selected()

    def on_restore(_button: Any) -> None:
        state.drafts[item.value] = state.shipped_texts(item.value)
        load_selected()

    def on_remove(_button: Any) -> None:
        removed = item.value
        state.own = [o for o in state.own if o.id != removed]
        del state.drafts[removed]
        item.options = state.titles()  # selects the first item, which reloads the fields
        update()

    def on_add(_button: Any) -> None:
        try:
            added = new_own_item(state.base, state.own, new_title.value, new_theme.value)
        except ValueError as error:
            add_message.value = render.notice("error", str(error), title="Not added")
            return
        state.own.append(added)
        state.drafts[added.id] = dict.fromkeys(ESTIMATE_NAMES, "")
        item.options = state.titles()
        item.value = added.id
        new_title.value = ""
        add_message.value = render.notice("ok", f"Added \u201c{added.title}\u201d. Now type its four estimates above.",
                                          title="Added")
        update()

    def snapshot() -> dict[str, Any]:
        ranking, sensitivity, waiting = fix_first(current, "the estimates")
        if waiting:
            raise ValueError(f"Give these items all four estimates, or remove them: {', '.join(waiting)}.")
        return {
            "inputs": {
                "estimates": {ranked.item.id: ranked.item.estimates.as_dict() for ranked in ranking.order},
                "changed_items": state.changed(),
                "own_items": [{"id": o.id, "title": o.title, "theme": o.theme} for o in state.own],
                "swing_percent": swing.value,
            },
            "results": ranking.as_dict() | {
                "sensitivity": sensitivity.as_dict(),
                "quadrants": {name: [i.id for i in members] for name, members in quadrants(ranking).items()},
            },
            "markdown_body": _markdown(ranking, sensitivity),
        }

    item.observe(on_item, names="value")
    restore.on_click(on_restore)
    remove.on_click(on_remove)
    add.on_click(on_add)
    show_selected()
    editor = widgets.VBox([
        widgets.HTML(f"<strong>{render.escape(product.name)}</strong>: {render.escape(product.description)}"),
        item, evidence, *fields.values(), widgets.HBox([restore, remove]),
    ])
    adder = widgets.VBox(
        [widgets.HTML("<strong>Add an item of your own</strong>"), new_title, new_theme, add, add_message]
    )
    controls = {"item": item, **fields, "restore": restore, "remove": remove, "new_title": new_title,
                "new_theme": new_theme, "add": add, "swing": swing}
    return assemble(
        EXERCISE_ID,
        [editor, adder, swing, message, ranking_out, sensitivity_out, chart],
        controls=controls,
        outputs={"evidence": evidence, "add_message": add_message, "message": message, "ranking": ranking_out,
                 "sensitivity": sensitivity_out, "chart": chart},
        update=update,
        snapshot=snapshot,
        watch={**fields, "swing": swing},
        charts={"chart": panel},
    )
