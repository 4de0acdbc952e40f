"""The say-no role-play: the scenario graph, walking every path, scoring and the debrief."""

import copy
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

from exercises import registry
from exercises import say_no as s
from exercises.kit import data
from exercises.kit.text import sentences
from exercises.say_no import chart

RAW = data.load(s.DATA_FILE)
SET = s.say_no_scenarios()
REQUIRED_STAKEHOLDERS = ["sales", "executive", "engineer", "support", "marketing", "fund"]


def walk(scenario, node_id, chosen=()):
    """Every path from node_id to an end, found independently of s.all_paths."""
    node = scenario.nodes[node_id]
    if not node.replies:
        return [chosen]
    return [path for reply in node.replies for path in walk(scenario, reply.next, (*chosen, reply.id))]


def broken(mutate):
    data = copy.deepcopy(RAW)
    mutate(data)
    return data


def test_the_file_has_the_six_requests_the_chapter_promises():
    assert len(SET.scenarios) >= 6
    text = " ".join(f"{sc.id} {sc.title}".lower() for sc in SET.scenarios)
    for word in REQUIRED_STAKEHOLDERS:
        assert word in text, word
    assert [d.id for d in SET.dimensions] == ["decision", "empathy", "grounding", "alternative"]


@pytest.mark.parametrize("scenario", SET.scenarios, ids=lambda sc: sc.id)
def test_every_path_ends_at_an_end_node_with_scores_in_bounds(scenario):
    paths = walk(scenario, scenario.start)
    assert sorted(paths) == sorted(s.all_paths(scenario))
    visited = {scenario.start}
    for path in paths:
        conversation = s.Conversation(scenario)
        for reply_id in path:
            assert not conversation.finished
            conversation = conversation.choose(reply_id)
            visited.add(conversation.current.id)
        assert conversation.finished and conversation.current.outcome
        assert 1 <= len(path) <= s.MAX_TURNS
        report = s.debrief(conversation, SET.dimensions, SET.max_per_dimension)
        assert 0 <= report.score <= report.max_score == 4 * 2 * len(path)
        assert all(0 <= p <= m for p, m in zip(report.points, report.max_points, strict=False))
        assert all(0 <= share <= 1 for share in report.shares())
    assert visited == set(scenario.nodes), "every node is reachable"


@pytest.mark.parametrize("scenario", SET.scenarios, ids=lambda sc: sc.id)
def test_turns_offer_three_or_four_replies_first_and_no_dead_ends(scenario):
    assert 3 <= len(scenario.nodes[scenario.start].replies) <= 4
    for node in scenario.nodes.values():
        assert node.is_end == (not node.replies)
        assert node.is_end or 2 <= len(node.replies) <= 4
        assert not node.is_end or node.outcome


@pytest.mark.parametrize("scenario", SET.scenarios, ids=lambda sc: sc.id)
def test_each_request_has_a_strong_path_and_a_weak_one(scenario):
    totals = []
    for path in s.all_paths(scenario):
        conversation = s.Conversation(scenario, path)
        totals.append(s.debrief(conversation, SET.dimensions, SET.max_per_dimension).shares())
    assert any(min(t) >= 0.75 for t in totals), "a learner can reach a strong conversation on every dimension"
    assert any(min(t) < 0.5 for t in totals), "some choices must show a weakness"


def test_a_worked_path_scores_as_the_data_says():
    scenario = SET.scenario("sales-friday")
    first, second = scenario.nodes["open"].reply("flat-no"), scenario.nodes["flat-no"].reply("recover")
    report = s.debrief(s.Conversation(scenario, ("flat-no", "recover")), SET.dimensions, 2)
    assert report.points == tuple(a + b for a, b in zip(first.scores, second.scores, strict=False))
    assert report.max_points == (4, 4, 4, 4)
    lowest = min(report.shares())
    assert report.weakest.id == SET.dimensions[report.shares().index(lowest)].id
    assert report.answers[0].best.id == "full" and report.answers[0].chosen.id == "flat-no"
    assert report.as_dict()["path"] == ["flat-no", "recover"]
    assert "Weakest:" in report.summary()


def test_full_marks_has_no_weakest_dimension():
    scenario = SET.scenario("fund-the-team")
    report = s.debrief(s.Conversation(scenario, ("full", "trigger")), SET.dimensions, 2)
    assert report.score == report.max_score and report.weakest is None
    assert "No weak pattern" in report._repr_html_()


def test_back_and_restart():
    scenario = SET.scenarios[0]
    conversation = s.Conversation(scenario).choose("full")
    assert conversation.back().choices == () and conversation.restart().choices == ()
    with pytest.raises(ValueError, match="first request already"):
        s.Conversation(scenario).back()
    with pytest.raises(ValueError, match="Choose a reply first"):
        conversation.choose(None)
    with pytest.raises(ValueError, match="not one of the replies"):
        conversation.choose("nonsense")
    with pytest.raises(ValueError, match="Finish the conversation first"):
        s.debrief(conversation, SET.dimensions, 2)


def test_the_transcript_shows_the_path_so_far():
    scenario = SET.scenarios[0]
    lines = s.Conversation(scenario, ("full",)).transcript()
    assert [speaker for speaker, _ in lines] == [scenario.stakeholder, "You", scenario.stakeholder]
    assert lines[1][1] == scenario.nodes["open"].reply("full").text


def test_combined_shares_and_overall_weakest():
    reports = [s.debrief(s.Conversation(sc, next(s.all_paths(sc))), SET.dimensions, 2) for sc in SET.scenarios]
    shares = s.combined_shares(reports)
    for i, share in enumerate(shares):
        assert share == pytest.approx(sum(r.points[i] for r in reports) / sum(r.max_points[i] for r in reports))
    assert s.overall_weakest(reports).id == SET.dimensions[shares.index(min(shares))].id
    with pytest.raises(ValueError):
        s.combined_shares([])


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        # Rules about the graph and the data itself, checked in code: the message names the file and the path in it.
        (lambda d: d["scenarios"][0]["nodes"]["open"]["replies"][0].__setitem__("next", "nowhere"),
         "at /scenarios/0/nodes/open/replies/0/next: .*does not exist"),
        (lambda d: d["scenarios"][0]["nodes"]["flat-no"]["replies"][0].__setitem__("next", "flat-no"),
         "at /scenarios/0/nodes/flat-no: .*cycle"),
        (lambda d: d["scenarios"][0]["nodes"]["flat-no"]["replies"][0].__setitem__("next", "open"),
         "at /scenarios/0/nodes/flat-no/replies/0/next: .*cycle"),
        (lambda d: d["scenarios"][0]["nodes"].__setitem__("orphan", {"says": "hi", "outcome": "x"}),
         "at /scenarios/0/nodes: .*cannot be reached"),
        (lambda d: d["scenarios"][0]["nodes"]["open"]["replies"][0]["scores"].__setitem__("decision", 3),
         "at /scenarios/0/nodes/open/replies/0/scores/decision: .*from 0 to 2"),
        (lambda d: d["scenarios"][0]["nodes"]["open"]["replies"][0]["scores"].pop("empathy"),
         "at /scenarios/0/nodes/open/replies/0/scores: .*exactly"),
        (lambda d: d["scenarios"][0]["nodes"]["open"]["replies"].__delitem__(slice(2, None)),
         "at /scenarios/0/nodes/open/replies: .*3 or 4 replies"),
        (lambda d: d["scenarios"][0].__setitem__("start", "missing"), "at /scenarios/0/start: .*start node"),
        (lambda d: d["scenarios"][1].__setitem__("id", d["scenarios"][0]["id"]), "at /scenarios: .*share an id"),
        (lambda d: d["scenarios"][0]["nodes"]["open"]["replies"][1].__setitem__("id", "flat-no"),
         "at /scenarios/0/nodes/open/replies: .*share an id"),
        # Shape rules, checked by say_no_scenarios.schema.json.
        (lambda d: d["scenarios"][0]["nodes"]["open"]["replies"][0]["scores"].__setitem__("decision", -1),
         re.escape("say_no_scenarios.json: at /scenarios/0/nodes/open/replies/0/scores/decision: "
                   "-1 is less than the minimum of 0")),
        (lambda d: d["scenarios"][0]["nodes"]["flat-no"]["replies"].__delitem__(slice(1, None)),
         re.escape("say_no_scenarios.json: at /scenarios/0/nodes/flat-no/replies: [{'id': 'recover'")
         + ".* is too short"),
        (lambda d: d["scenarios"][0]["nodes"]["caved"].pop("outcome"),
         re.escape("say_no_scenarios.json: at /scenarios/0/nodes/caved: 'outcome' is a required property")),
        (lambda d: d["scenarios"][0]["nodes"]["open"].__setitem__("outcome", "done"),
         re.escape("say_no_scenarios.json: at /scenarios/0/nodes/open: 'outcome' should not be valid under "
                   "{'const': 'outcome'}")),
        (lambda d: d["dimensions"].pop(),
         re.escape("say_no_scenarios.json: at /dimensions: [{'id': 'decision'") + ".* is too short"),
        (lambda d: d.__setitem__("max_per_dimension", "2"),
         re.escape("say_no_scenarios.json: at /max_per_dimension: '2' is not of type 'integer'")),
        (lambda d: d["scenarios"][0]["nodes"]["open"].__setitem__("says", ""),
         re.escape("say_no_scenarios.json: at /scenarios/0/nodes/open/says: '' does not match '\\\\S'")),
    ],
)
def test_broken_data_is_refused_naming_the_problem(mutate, message):
    with pytest.raises(ValueError, match=message):
        s.parse_say_no_scenarios(broken(mutate))


def test_a_long_chain_is_refused():
    def chain(data):
        nodes = {"open": {"says": "go", "replies": [
            {"id": f"r{i}", "text": "t", "why": "w", "next": "n0",
             "scores": {"decision": 0, "empathy": 0, "grounding": 0, "alternative": 0}} for i in range(3)]}}
        for i in range(s.MAX_TURNS + 1):
            nodes[f"n{i}"] = {"says": "go", "replies": [
                {"id": f"r{j}", "text": "t", "why": "w", "next": f"n{i + 1}",
                 "scores": {"decision": 0, "empathy": 0, "grounding": 0, "alternative": 0}} for j in range(2)]}
        nodes[f"n{s.MAX_TURNS + 1}"] = {"says": "bye", "outcome": "done"}
        data["scenarios"][0]["nodes"] = nodes
    with pytest.raises(ValueError, match="longer than"):
        s.parse_say_no_scenarios(broken(chain))


@given(st.lists(st.sampled_from(["full", "flat-no", "yes", "study", "recover", "log", "decide", "x", ""]), max_size=5))
def test_any_sequence_of_choices_either_plays_or_says_why(choices):
    scenario = SET.scenario("sales-friday")
    try:
        conversation = s.Conversation(scenario, tuple(choices))
    except ValueError as error:
        assert "replies you can give" in str(error) or "already ended" in str(error)
        return
    assert len(conversation.transcript()) == 2 * len(choices) + 1


def test_plot_and_alt_text_follow_the_numbers():
    scenario = SET.scenario("sales-friday")
    report = s.debrief(s.Conversation(scenario, ("yes",)), SET.dimensions, 2)
    fig = Figure()
    ax = fig.subplots()
    chart.plot_debrief(ax, report, overall=(0.5, 0.5, 0.5, 0.5))
    assert [round(p.get_width()) for p in ax.patches[:4]] == [round(100 * x) for x in report.shares()]
    alt = chart.describe_debrief(report, (0.5, 0.5, 0.5, 0.5))
    assert "Clear decision 0%" in alt and "Empathy for their goal 50%" in alt and "all finished" in alt


def test_markdown_escapes_learner_facing_text():
    scenario = SET.scenario("sales-friday")
    text = s.debrief(s.Conversation(scenario, ("yes",)), SET.dimensions, 2).markdown()
    assert text.startswith("### Sales: a one-client feature by Friday")
    assert "Weakest dimension:" in text


def test_custom_data_is_named_as_its_caller_says():
    with pytest.raises(ValueError, match=re.escape("my_requests.json: at /scenarios: [] should be non-empty")):
        s.parse_say_no_scenarios(broken(lambda d: d.update(scenarios=[])), source="my_requests.json")


def test_the_chapter_name_for_the_shipped_set_is_the_cached_loader():
    assert s.load_scenarios() is s.say_no_scenarios() is SET


def test_the_registry_max_score_is_the_most_a_complete_attempt_can_be_scored_out_of():
    """Every request finished along its longest conversation; each reply is worth 2 points on 4 dimensions."""
    longest = {sc.id: max(len(path) for path in walk(sc, sc.start)) for sc in SET.scenarios}
    most = sum(len(SET.dimensions) * SET.max_per_dimension * turns for turns in longest.values())
    assert registry.exercise("say-no").max_score == most == 96
    best = sum(
        max(s.debrief(s.Conversation(sc, path), SET.dimensions, 2).score for path in walk(sc, sc.start))
        for sc in SET.scenarios
    )
    assert best <= most


# ---- length is no cue: a learner cannot win by picking the longest reply ------------------------


def _turns(raw):
    """(where, replies) for every turn in the data: scenario/node and its replies as raw dicts."""
    return [(f"{scenario['id']}/{node_id}", node["replies"])
            for scenario in raw["scenarios"] for node_id, node in scenario["nodes"].items() if node.get("replies")]


def _ranks(values):
    """Ranks from 1, ties sharing their average rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        for position in order[start:end + 1]:
            ranks[position] = (start + end) / 2 + 1
        start = end + 1
    return ranks


def _spearman(xs, ys):
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    covariance = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    spread = (sum((a - mx) ** 2 for a in rx) * sum((b - my) ** 2 for b in ry)) ** 0.5
    return covariance / spread


def test_spearman_helper():
    assert _spearman([1, 2, 3], [10, 20, 30]) == pytest.approx(1)
    assert _spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1)
    assert _ranks([5, 1, 5]) == [2.5, 1, 2.5]


def test_the_top_reply_is_the_longest_at_no_more_than_a_third_of_the_turns():
    turns = _turns(RAW)
    assert len(turns) == 19
    top_is_longest = []
    for where, replies in turns:
        best = max(sum(r["scores"].values()) for r in replies)
        longest = max(len(r["text"]) for r in replies)
        if any(len(r["text"]) == longest and sum(r["scores"].values()) == best for r in replies):
            top_is_longest.append(where)
    assert len(top_is_longest) <= len(turns) / 3, top_is_longest


def test_reply_length_does_not_predict_the_score():
    replies = [r for _, turn in _turns(RAW) for r in turn]
    lengths = [len(r["text"]) for r in replies]
    scores = [sum(r["scores"].values()) for r in replies]
    assert abs(_spearman(lengths, scores)) <= 0.3
    top = [length for length, score in zip(lengths, scores, strict=True) if score == max(scores)]
    assert min(top) < sorted(lengths)[len(lengths) // 2] < max(top)  # full-marks replies are short and long


def test_the_strongest_replies_keep_each_part_to_about_a_sentence():
    for where, replies in _turns(RAW):
        for reply in replies:
            assert len(reply["text"]) <= 320, where
            if sum(reply["scores"].values()) == 4 * RAW["max_per_dimension"]:
                assert len(sentences(reply["text"])) <= 4, (where, reply["id"])


# ---- the learner's own one-sentence no ------------------------------------------------------------

SALES = SET.scenario("sales-friday")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "is empty. Write one sentence"),
        ("   \n ", "is empty"),
        ("?!", "write words, not only punctuation"),
        ("Not by Friday. I can do a CSV by Thursday.", "that is 2 sentences. Keep your no to one"),
        ("No\nSorry", "that is 2 sentences"),
        ("no " * 400, "too long"),
    ],
)
def test_an_own_no_must_be_one_sentence_with_words(text, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        s.check_own_no(text, SALES, SET.own_no)


def test_own_no_hints_look_at_the_order_hedges_and_length():
    good = s.check_own_no("Not by Friday, but support can set up a CSV export for them by Thursday.", SALES, SET.own_no)
    assert good.decision_first and good.hedges == () and good.hints == ("Your decision comes first.",)
    late = s.check_own_no("I know the renewal matters, so maybe we could look at it next sprint.", SALES, SET.own_no)
    assert not late.decision_first and late.hedges == ("maybe",)
    assert "first 5 words" in late.hints[0] and "half open" in late.hints[1]
    bare = s.check_own_no("No.", SALES, SET.own_no)
    assert bare.decision_first and "bare answer" in bare.hints[-1]
    long = s.check_own_no("We won't " + "really " * 40 + "do it", SALES, SET.own_no)
    assert "44 words is a long sentence" in long.hints[-1]
    assert "cannot tell whether your reason is sound" in good.limits


@given(st.text(max_size=200))
def test_any_own_no_is_kept_or_refused_with_a_message(text):
    try:
        own = s.check_own_no(text, SALES, SET.own_no)
    except ValueError as error:
        assert str(error).startswith("Your own no")
        return
    assert own.text == text.strip() and own.word_count >= 1
    assert "<script" not in own._repr_html_().lower() or "<script" not in text.lower()
    assert own.as_dict()["text"] == own.text


def test_own_no_markup_is_escaped():
    own = s.check_own_no("No, <script>alert(1)</script> | *not* now", SALES, SET.own_no)
    assert "<script>" not in own._repr_html_() and "&lt;script&gt;" in own._repr_html_()
    assert "\\*not\\*" in own.markdown() and "\\|" in own.markdown() and "<script>" not in own.markdown()
