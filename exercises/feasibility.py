"""The feasibility calculator: would enough people pay enough to cover the costs?

Pure layer: :func:`parse_inputs`, :func:`evaluate`, :func:`sensitivity`,
:func:`calculate`. Drawing: :func:`plot_profit`, :func:`plot_sensitivity`.
Widget: :func:`build_calculator`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

import ipywidgets as widgets

from . import render
from .ui import LABEL_STYLE, WIDE, ExerciseView, NumberField, build_save_panel, on_any_change
from .validation import format_number, parse_number

EXERCISE_ID = "feasibility"
EXERCISE_TITLE = "Feasibility calculator"
THIN_MARGIN = 0.10  # below a 10% margin, a small slip in price or reach wipes out the profit
MAX_SWING_PERCENT = 90


@dataclass(frozen=True)
class FieldSpec:
    """How one input is labelled, bounded and explained."""

    label: str
    default: float
    maximum: float
    help_text: str
    allow_zero: bool = True
    whole: bool = False
    minimum: float = 0.0


FIELDS: dict[str, FieldSpec] = {
    "price": FieldSpec("Willingness to pay", 15, 1e9, "What one customer would pay per period", allow_zero=False),
    "variable_cost": FieldSpec("Cost to serve one customer", 4, 1e9, "Variable cost per customer per period"),
    "fixed_costs": FieldSpec("Fixed costs", 2_000, 1e12, "Costs per period that do not grow with customers"),
    "people_with_problem": FieldSpec(
        "People with the problem", 5_000, 1e10, "How many people have this problem", whole=True, minimum=1
    ),
    "reach_percent": FieldSpec("Reach and convert (%)", 5, 100, "Share of those people who become customers"),
}


@dataclass(frozen=True)
class FeasibilityInputs:
    """One scenario. Money is per period (say, a month) in any single currency."""

    price: float
    variable_cost: float
    fixed_costs: float
    people_with_problem: float
    reach_percent: float

    def __post_init__(self) -> None:
        problems = _problems({f.name: getattr(self, f.name) for f in fields(self)})
        if problems:
            raise ValueError("\n".join(problems))


@dataclass(frozen=True)
class FeasibilityResult:
    """Everything the calculator reports for one scenario."""

    inputs: FeasibilityInputs
    customers: int
    revenue: float
    total_cost: float
    profit: float
    margin: float | None
    contribution_per_customer: float
    break_even_customers: int | None
    verdict: str
    reason: str

    def rows(self) -> list[tuple[str, str]]:
        """Label/value pairs, formatted for people."""
        margin = "n/a (no revenue)" if self.margin is None else f"{self.margin:.1%}"
        break_even = "never (each sale loses money)" if self.break_even_customers is None else (
            f"{self.break_even_customers:,} customers"
        )
        return [
            ("Customers", f"{self.customers:,}"),
            ("Revenue", money(self.revenue)),
            ("Total cost", money(self.total_cost)),
            ("Profit", money(self.profit)),
            ("Margin", margin),
            ("Break-even", break_even),
        ]

    def summary(self) -> str:
        """A plain-text report (what ``print`` shows)."""
        lines = [f"{label}: {value}" for label, value in self.rows()]
        return "\n".join([*lines, f"Verdict: {self.verdict}: {self.reason}"])

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready results for Save my work."""
        data = asdict(self)
        data.pop("inputs")
        return data

    def _repr_html_(self) -> str:
        kind = {"feasible": "ok", "marginal": "warn"}.get(self.verdict, "error")
        return render.table(self.rows(), caption="Results per period") + render.notice(
            kind, self.reason, title=f"Verdict: {self.verdict}"
        )


@dataclass(frozen=True)
class SensitivityPoint:
    """Profit when willingness to pay moves by ``change_percent``."""

    change_percent: float
    price: float
    profit: float


def money(amount: float) -> str:
    """1234.5 -> '1,234.50'; whole amounts drop the cents."""
    if abs(amount) >= 1e15 or amount == round(amount):
        return f"{amount:,.0f}"
    return f"{amount:,.2f}"


def _problems(raw: Mapping[str, object]) -> list[str]:
    problems = []
    for name, spec in FIELDS.items():
        try:
            parse_number(
                raw.get(name, ""), spec.label, minimum=spec.minimum, maximum=spec.maximum,
                allow_minimum=spec.allow_zero, whole=spec.whole,
            )
        except ValueError as error:
            problems.append(str(error))
    return problems


def parse_inputs(raw: Mapping[str, object]) -> FeasibilityInputs:
    """Parse the five inputs (text or numbers); one ``ValueError`` lists every problem."""
    problems = _problems(raw)
    if problems:
        raise ValueError("\n".join(problems))
    return FeasibilityInputs(**{name: parse_number(raw[name], spec.label) for name, spec in FIELDS.items()})


def profit_at(inputs: FeasibilityInputs, customers: float) -> float:
    """Profit per period with ``customers`` paying customers."""
    return customers * (inputs.price - inputs.variable_cost) - inputs.fixed_costs


def break_even_exact(inputs: FeasibilityInputs) -> float | None:
    """Customers (fractional) at which profit is zero; ``None`` if it never is."""
    contribution = inputs.price - inputs.variable_cost
    if contribution <= 0:
        return 0.0 if contribution == 0 and inputs.fixed_costs == 0 else None
    return inputs.fixed_costs / contribution


def break_even_customers(inputs: FeasibilityInputs) -> int | None:
    """The fewest whole customers with profit >= 0; ``None`` if no number of customers gets there."""
    exact = break_even_exact(inputs)
    if exact is None:
        return None
    tolerance = 1e-9 * max(1.0, inputs.fixed_costs)  # floating-point noise, not money
    customers = math.ceil(exact)
    while customers > 0 and profit_at(inputs, customers - 1) >= -tolerance:
        customers -= 1
    while profit_at(inputs, customers) < -tolerance:
        customers += 1
    return customers


def _verdict(inputs: FeasibilityInputs, customers: int, break_even: int | None, margin: float | None) -> tuple[str, str]:
    price, cost = money(inputs.price), money(inputs.variable_cost)
    if inputs.price < inputs.variable_cost:
        return "not feasible", (
            f"the price ({price}) is below the cost to serve one customer ({cost}), so every sale loses money."
        )
    if inputs.price == inputs.variable_cost:
        return "not feasible", f"the price ({price}) only equals the cost to serve one customer, so no sale earns anything."
    assert break_even is not None
    people = int(inputs.people_with_problem)
    if break_even > people:
        return "not feasible", (
            f"you need {break_even:,} customers to break even, but only {people:,} people have the problem."
        )
    if customers == 0:
        return "not feasible", f"reaching {format_number(inputs.reach_percent)}% of {people:,} people gives no customers."
    if customers < break_even:
        return "not feasible", (
            f"{customers:,} customers is short of the {break_even:,} needed to break even "
            f"({break_even / people:.1%} of the people with the problem)."
        )
    if margin is not None and margin < THIN_MARGIN:
        return "marginal", (
            f"it makes a profit, but the margin ({margin:.1%}) is thin: a small drop in price or reach would erase it."
        )
    return "feasible", f"{customers:,} customers is above the break-even point of {break_even:,}, with a {margin:.1%} margin."


def evaluate(inputs: FeasibilityInputs) -> FeasibilityResult:
    """Compute customers, money, break-even and a verdict with its reason."""
    # Round first so that 29.1% of 1000 people is 291 customers, not 290 by floating-point error.
    customers = math.floor(round(inputs.people_with_problem * inputs.reach_percent / 100, 6))
    revenue = customers * inputs.price
    total_cost = inputs.fixed_costs + customers * inputs.variable_cost
    profit = profit_at(inputs, customers)
    margin = profit / revenue if revenue > 0 else None
    break_even = break_even_customers(inputs)
    verdict, reason = _verdict(inputs, customers, break_even, margin)
    return FeasibilityResult(
        inputs, customers, revenue, total_cost, profit, margin,
        inputs.price - inputs.variable_cost, break_even, verdict, reason,
    )


def sensitivity(inputs: FeasibilityInputs, swing_percent: float, steps: int = 4) -> list[SensitivityPoint]:
    """Profit at willingness-to-pay changes from ``-swing_percent`` to ``+swing_percent``.

    ``steps`` points on each side of today's price (so ``2 * steps + 1`` in all).
    """
    swing = parse_number(swing_percent, "Price swing (%)", maximum=MAX_SWING_PERCENT)
    if not 1 <= steps <= 50:
        raise ValueError("Sensitivity steps: must be between 1 and 50.")
    customers = evaluate(inputs).customers
    points = []
    for index in range(-steps, steps + 1):
        change = swing * index / steps
        price = inputs.price * (1 + change / 100)
        points.append(SensitivityPoint(change, price, profit_at(replace(inputs, price=price), customers)))
    return points


def calculate(**raw: object) -> FeasibilityResult:
    """Parse and evaluate in one call: ``calculate(price=20, variable_cost=5, ...)``."""
    defaults = {name: spec.default for name, spec in FIELDS.items()}
    return evaluate(parse_inputs({**defaults, **raw}))


# ---- drawing -------------------------------------------------------------------------------


def _compact(value: float, _position: object = None) -> str:
    for threshold, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= threshold:
            return f"{value / threshold:g}{suffix}"
    return f"{value:g}"


def chart_range(result: FeasibilityResult) -> float:
    """How many customers the profit chart spans: enough to show you, break-even and some room."""
    anchor = max(result.customers, result.break_even_customers or 0, 10)
    return float(anchor) * 1.5


def plot_profit(ax: Axes, result: FeasibilityResult) -> None:
    """Profit against customers, marking break-even and the current scenario."""
    inputs = result.inputs
    x_max = chart_range(result)
    ax.plot([0, x_max], [profit_at(inputs, 0), profit_at(inputs, x_max)], color="#1a56c4", linewidth=2, label="Profit")
    ax.axhline(0, color="#555555", linewidth=0.8)
    people = inputs.people_with_problem
    if people < x_max:
        ax.axvspan(people, x_max, color="#999999", alpha=0.2, label=f"Beyond the {_compact(people)} people")
    if result.break_even_customers is not None:
        ax.axvline(result.break_even_customers, color="#b36b00", linestyle="--", linewidth=1.5,
                   label=f"Break-even: {_compact(result.break_even_customers)}")
    ax.plot([result.customers], [result.profit], "o", color="#b3261e", markersize=8,
            label=f"You: {_compact(result.customers)} customers")
    ax.set_xlim(0, x_max)
    ax.set_title("Profit against customers")
    ax.set_xlabel("Customers")
    ax.set_ylabel("Profit per period")
    ax.xaxis.set_major_formatter(FuncFormatter(_compact))
    ax.yaxis.set_major_formatter(FuncFormatter(_compact))
    ax.legend(loc="best", fontsize="small")


def plot_sensitivity(ax: Axes, points: list[SensitivityPoint]) -> None:
    """Bars of profit as willingness to pay moves around today's price."""
    labels = ["today" if p.change_percent == 0 else f"{p.change_percent:+.0f}%" for p in points]
    colors = ["#2e7d32" if p.profit >= 0 else "#b3261e" for p in points]
    ax.bar(labels, [p.profit for p in points], color=colors)
    ax.axhline(0, color="#555555", linewidth=0.8)
    swing = max(abs(p.change_percent) for p in points)
    ax.set_title(f"Profit if willingness to pay moves \u00b1{swing:g}%")
    ax.set_xlabel("Change in willingness to pay")
    ax.set_ylabel("Profit per period")
    ax.yaxis.set_major_formatter(FuncFormatter(_compact))
    ax.tick_params(axis="x", labelsize="small")


def describe_charts(result: FeasibilityResult, points: list[SensitivityPoint]) -> str:
    """Alt text for the two charts, written from the numbers they show."""
    trend = "rises" if result.contribution_per_customer > 0 else "falls" if result.contribution_per_customer < 0 else "stays flat"
    break_even = (
        f"it crosses zero at {result.break_even_customers:,} customers"
        if result.break_even_customers is not None else "it never reaches zero"
    )
    low, high = points[0], points[-1]
    return (
        f"Left chart: profit {trend} with the number of customers, starting at {money(-result.inputs.fixed_costs)}; "
        f"{break_even}; your scenario of {result.customers:,} customers makes {money(result.profit)}. "
        f"Right chart: profit is {money(low.profit)} at {low.change_percent:+g}% willingness to pay "
        f"and {money(high.profit)} at {high.change_percent:+g}%."
    )


def _remove_plotted(ax: Axes) -> None:
    # Cheaper than ax.clear(), which rebuilds every tick and doubles the redraw time.
    for container in list(ax.containers):
        container.remove()
    for artist in [*ax.lines, *ax.patches, *ax.collections]:
        artist.remove()
    if ax.get_legend():
        ax.get_legend().remove()
    ax.relim()
    ax.autoscale()


def draw(fig: Figure, result: FeasibilityResult, points: list[SensitivityPoint]) -> None:
    """Redraw both charts on ``fig`` (which must have two axes)."""
    for ax in fig.axes:
        _remove_plotted(ax)
    plot_profit(fig.axes[0], result)
    plot_sensitivity(fig.axes[1], points)


def new_figure() -> Figure:
    """The calculator's figure: profit chart on the left, sensitivity on the right."""
    # Fixed margins: constrained layout would double the redraw time.
    fig = Figure(figsize=(10, 3.8))
    fig.subplots(1, 2)
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.24, top=0.9, wspace=0.28)
    return fig


# ---- widget ----------------------------------------------------------------------------------


def build_calculator(**starting_values: float) -> ExerciseView:
    """The live calculator: five inputs, results with a verdict, two charts and Save my work."""
    values = {name: starting_values.get(name, spec.default) for name, spec in FIELDS.items()}
    sliders = {
        "price": widgets.FloatSlider(min=0, max=200, step=1),
        "variable_cost": widgets.FloatSlider(min=0, max=200, step=1),
        "fixed_costs": widgets.FloatSlider(min=0, max=50_000, step=100),
        "people_with_problem": widgets.FloatLogSlider(min=1, max=8, step=0.1),
        "reach_percent": widgets.FloatSlider(min=0, max=100, step=0.5),
    }
    number_fields = {
        name: NumberField(spec.label, values[name], sliders[name], spec.help_text) for name, spec in FIELDS.items()
    }
    swing = widgets.IntSlider(
        value=20, min=0, max=MAX_SWING_PERCENT, step=5, description="Price swing \u00b1%",
        style=LABEL_STYLE, layout=WIDE, continuous_update=False,
    )
    message = widgets.HTML()
    results = widgets.HTML()
    chart = widgets.HTML()
    fig = new_figure()
    controls = {name: field.text for name, field in number_fields.items()} | {"swing": swing}

    def current() -> tuple[FeasibilityResult, list[SensitivityPoint]]:
        result = evaluate(parse_inputs({name: field.text.value for name, field in number_fields.items()}))
        return result, sensitivity(result.inputs, swing.value)

    def update() -> None:
        try:
            result, points = current()
        except ValueError as error:
            message.value = render.notice("error", str(error), title="Check your inputs")
            results.value = render.notice("info", "Results are hidden until every input is valid.")
            chart.value = ""
            return
        message.value = ""
        results.value = result._repr_html_()
        draw(fig, result, points)
        chart.value = render.figure_html(fig, describe_charts(result, points))

    def snapshot() -> dict[str, Any]:
        try:
            result, points = current()
        except ValueError as error:
            raise ValueError(f"Fix the inputs first. {error}") from None
        return {
            "inputs": {name: getattr(result.inputs, name) for name in FIELDS} | {"swing_percent": swing.value},
            "results": result.as_dict() | {"sensitivity": [asdict(p) for p in points]},
        }

    on_any_change(controls, update)
    update()
    save = build_save_panel(EXERCISE_ID, EXERCISE_TITLE, snapshot)
    inputs_box = widgets.VBox(
        [widgets.HTML("<strong>Your scenario (money per period)</strong>")]
        + [field.widget for field in number_fields.values()]
        + [swing]
    )
    root = widgets.VBox([inputs_box, message, results, chart, save.root])
    return ExerciseView(
        root,
        controls=controls | {f"{name}_slider": field.slider for name, field in number_fields.items()} | save.controls,
        outputs={"message": message, "results": results, "chart": chart} | save.outputs,
    )
