"""The spec checker's widget: a scenario, a box per section, worked examples, the flags, a chart, the spec, Save."""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets

from ..kit.choices import menu
from ..kit.views import ExerciseView, assemble, fill_on_click, fix_first, update_showing
from .chart import chart_panel
from .model import SpecCheck, check_spec
from .page import limits_html, scenario_html, spec_html, spec_markdown
from .rules import Scenario, SpecRules, scenario, spec_rules, spec_scenarios

EXERCISE_ID = "spec-checker"
SECTION_LABEL_STYLE = {"description_width": "19em"}  # room for "Open questions and risks (≤90 words)"
BUTTON = {"layout": widgets.Layout(width="auto")}  # wide enough for its whole label


def build_spec_checker(rules: SpecRules | None = None, scenarios: tuple[Scenario, ...] | None = None) -> ExerciseView:
    """A scenario to choose, one box per section, the flawed and good examples, the checker, a chart, Save my work."""
    rules = rules or spec_rules()
    scenarios = scenarios or spec_scenarios()
    choice = widgets.Dropdown(options=menu(scenarios), value=scenarios[0].id,
                              description="Scenario", style=SECTION_LABEL_STYLE,
                              layout=widgets.Layout(width="100%", max_width="50em"))
    brief = widgets.HTML()
    boxes = {
        s.id: widgets.Textarea(
            value="", description=f"{s.label} (\u2264{s.max_words} words)", placeholder=s.prompt,
            continuous_update=False, style=SECTION_LABEL_STYLE,
            layout=widgets.Layout(width="100%", max_width="60em", height="6em"),
        )
        for s in rules.sections
    }
    flawed = widgets.Button(description="Load the flawed example", icon="file-text-o",
                            tooltip="Fill every section with a first draft that has problems to find", **BUTTON)
    good = widgets.Button(description="Load the good example", icon="check",
                          tooltip="Fill every section with a spec the team could work from", **BUTTON)
    clear = widgets.Button(description="Clear all", icon="eraser", tooltip="Empty every section", **BUTTON)
    message, checklist, chart, spec = widgets.HTML(), widgets.HTML(), widgets.HTML(), widgets.HTML()
    limits = widgets.HTML(limits_html(rules))
    panel = chart_panel()

    def current() -> SpecCheck:
        return check_spec({name: box.value for name, box in boxes.items()}, rules=rules,
                          scenario=scenario(choice.value, scenarios))

    show_check = update_showing(
        current, message, [(checklist, SpecCheck._repr_html_), (chart, lambda check: panel.html(check.chart)),
                           (spec, spec_html)], title="Check your text",
    )

    def update() -> None:
        brief.value = scenario_html(scenario(choice.value, scenarios))
        show_check()

    def snapshot() -> dict[str, Any]:
        check = fix_first(current, "the text")
        if not check.written:
            raise ValueError("Write at least one section of your spec first, or load an example to start from.")
        texts = {s.id: text for s, text in zip(rules.sections, check.texts, strict=True)}
        return {"inputs": {"scenario": choice.value} | texts, "results": check.as_dict(),
                "markdown_body": spec_markdown(check)}

    fill_on_click(boxes, [(flawed, lambda: scenario(choice.value, scenarios).example("flawed")),
                  (good, lambda: scenario(choice.value, scenarios).example("good")), (clear, dict)])
    return assemble(
        EXERCISE_ID,
        [choice, brief, *boxes.values(), widgets.HBox([flawed, good, clear]), message, chart, checklist, limits,
         spec],
        controls={"scenario": choice, **boxes, "flawed": flawed, "good": good, "clear": clear},
        outputs={"brief": brief, "message": message, "checklist": checklist, "chart": chart, "spec": spec,
                 "limits": limits},
        update=update,
        snapshot=snapshot,
        watch={"scenario": choice, **boxes},
        charts={"chart": panel},
    )
