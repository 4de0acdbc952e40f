"""Headless tests of the say-no role-play widget: choose replies as a learner would, read what it shows."""


from exercises import say_no as s
from view_checks import view_fixture

play = view_fixture(s.build_role_play)


def answer(view, reply_id):
    view.controls["reply"].value = reply_id
    view.controls["answer"].click()


def test_starts_at_the_first_request_with_labelled_replies(play):
    first = s.say_no_scenarios().scenarios[0]
    assert first.nodes["open"].says[:40] in play.outputs["transcript"].value
    assert [value for _, value in play.controls["reply"].options] == [r.id for r in first.nodes["open"].replies]
    assert play.controls["reply"].description == "Your reply"
    assert [label for label, _ in play.controls["reply"].options][:3] == ["Reply A", "Reply B", "Reply C"]
    for letter, reply in zip("ABCD", first.nodes["open"].replies, strict=False):
        shown = play.outputs["choices"].value.replace("&#x27;", "'")
        assert f"<strong>Reply {letter}:</strong> {reply.text[:30]}" in shown
    assert play.controls["back"].disabled
    assert "debrief appears" in play.outputs["debrief"].value and play.outputs["chart"].value == ""


def test_replying_without_choosing_explains(play):
    play.controls["answer"].click()
    assert "Choose a reply first" in play.outputs["message"].value
    assert 'role="alert"' in play.outputs["message"].value


def test_a_follow_up_turn_then_the_debrief_with_chart(play):
    answer(play, "flat-no")
    assert "lose this account" in play.outputs["transcript"].value
    assert "Path so far: 1 reply" in play.outputs["transcript"].value
    assert not play.controls["back"].disabled
    answer(play, "escalate")
    assert play.controls["reply"].disabled and play.controls["answer"].disabled
    assert play.outputs["choices"].value == ""
    debrief = play.outputs["debrief"].value
    assert "What happened" in debrief and "Weakest pattern" in debrief and "A stronger reply" in debrief
    assert play.outputs["chart"].value.startswith('<img class="pm-chart"')
    assert "Clear decision 75%" in play.outputs["chart"].value  # 2 + 1 of 4


def test_back_changes_a_choice_and_restart_clears_the_path(play):
    answer(play, "flat-no")
    answer(play, "escalate")
    play.controls["back"].click()
    assert not play.controls["reply"].disabled and play.outputs["chart"].value == ""
    answer(play, "recover")
    assert "Send me the mapping" in play.outputs["transcript"].value
    play.controls["restart"].click()
    assert "Path so far: 0 replies" in play.outputs["transcript"].value
    assert play.controls["back"].disabled


def test_switching_requests_keeps_each_conversation(play):
    answer(play, "full")
    play.controls["request"].value = "fund-the-team"
    assert "Budgets are tight" in play.outputs["transcript"].value
    play.controls["request"].value = "sales-friday"
    assert "Path so far: 1 reply" in play.outputs["transcript"].value


def test_second_finished_conversation_adds_the_overall_bars(play):
    answer(play, "yes")
    play.controls["request"].value = "fund-the-team"
    answer(play, "plea")
    assert "All finished conversations" in play.outputs["chart"].value or "all finished" in play.outputs["chart"].value


def test_save_needs_a_finished_conversation(play, refused_save, work_folder):
    refused_save(play, "Finish at least one conversation first")
    assert not work_folder.exists()


def test_save_records_path_scores_and_weakest(play, save_view, work_folder):
    answer(play, "yes")
    record = save_view(play, name="<script>x</script>")
    assert "Saved to the my-work folder" in play.outputs["status"].value
    assert record["exercise_id"] == "say-no"
    assert record["inputs"]["paths"] == {"sales-friday": ["yes"]}
    results = record["results"]
    assert (results["score"], results["max_score"]) == (1, 8)
    assert results["weakest_dimension"] == "decision"
    assert results["conversations"][0]["dimensions"]["empathy"] == {"points": 1, "max": 2}
    (markdown,) = work_folder.glob("*.md")
    assert "## Conversations" in markdown.read_text() and "<script>" not in markdown.read_text()


def test_an_own_no_is_checked_kept_per_request_and_saved(play, save_view, work_folder, refused_save):
    play.controls["keep_no"].click()
    assert "is empty" in play.outputs["own_no"].value and 'role="alert"' in play.outputs["own_no"].value
    play.controls["own_no"].value = "Not by Friday. Sorry!"
    play.controls["keep_no"].click()
    assert "that is 2 sentences" in play.outputs["own_no"].value
    play.controls["own_no"].value = "Not by Friday, but a CSV with a mapping can be ready by Thursday."
    play.controls["keep_no"].click()
    kept = play.outputs["own_no"].value
    assert "Your no is kept" in kept and "Your decision comes first" in kept
    play.controls["request"].value = "exec-pet-feature"
    assert play.controls["own_no"].value == "" and play.outputs["own_no"].value == ""
    play.controls["own_no"].value = "Maybe <b>later</b>, let me think about it"  # written, not kept: Save keeps it
    refused_save(play, "Finish at least one conversation first. Your own no is kept")
    answer(play, "yes")
    record = save_view(play)
    assert record["inputs"]["own_nos"] == {
        "sales-friday": "Not by Friday, but a CSV with a mapping can be ready by Thursday.",
        "exec-pet-feature": "Maybe <b>later</b>, let me think about it",
    }
    hedged = record["results"]["own_nos"][1]
    assert hedged["decision_first"] is False and hedged["hedges"] == ["Maybe", "let me think"]
    markdown = next(work_folder.glob("*.md")).read_text()
    assert "## My own no, in one sentence" in markdown and "<b>" not in markdown and "&lt;b&gt;later" in markdown
    play.controls["request"].value = "sales-friday"
    assert play.controls["own_no"].value.startswith("Not by Friday") and "kept" in play.outputs["own_no"].value


def test_a_two_sentence_no_in_the_box_stops_the_save_with_its_reason(play, refused_save):
    answer(play, "yes")
    play.controls["own_no"].value = "No. Not this week."
    refused_save(play, "Not saved. Your own no: that is 2 sentences")
