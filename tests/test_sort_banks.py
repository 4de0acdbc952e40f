"""Every sorting exercise's data rewards judgement, not surface cues (issue 12).

A sort bank is any list in a shipped data file whose records all have ``text`` and ``answer``
(the red-flag sorter, the interview-question lab, the audience translator, and any bank added
later). For each bank, a learner who guessed from an item's opening alone (its first word, or
the kind of first word: a question word, an auxiliary verb as in "Do you...", or anything
else), having seen every other item's answer, must do no better than one who always picks the
most common category. Banks that label each item's phrasing (command, request, situation) must
mix the phrasings in every category, so that the form of a sentence gives nothing away either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

import pytest

from exercises.kit import data


def sort_banks() -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(where, [(text, answer), ...]) for every list of sortable records in the shipped data."""
    for name in data.data_files():
        raw = data.load(name) if not name.startswith("check_") else {}
        if not isinstance(raw, dict):
            continue
        for key, value in raw.items():
            if (isinstance(value, list) and value and all(isinstance(r, dict) for r in value)
                    and all(isinstance(r.get("text"), str) and isinstance(r.get("answer"), str) for r in value)):
                yield f"{name}:{key}", [(r["text"], r["answer"]) for r in value]


BANKS = dict(sort_banks())


def first_word(text: str) -> str:
    return re.findall(r"[a-z']+", text.lower())[0]


QUESTION_WORDS = {"what", "how", "why", "who", "when", "where", "which"}
AUXILIARIES = {"do", "does", "did", "is", "are", "was", "were", "have", "has", "had", "can", "could", "would",
               "will", "should", "shall", "may", "might", "am", "don't", "isn't", "wouldn't", "aren't", "won't"}


def opening_kind(text: str) -> str:
    word = first_word(text)
    return "question word" if word in QUESTION_WORDS else "auxiliary" if word in AUXILIARIES else "other"


def guess_accuracy(bank: list[tuple[str, str]], cue=first_word) -> float:
    """Expected share right for a learner who, for each item, picks the category most often
    seen with its cue (by default its opening word) among the *other* items (ties: any of the
    tied categories, equally likely; a cue not seen elsewhere: the bank's most common categories)."""
    overall = Counter(answer for _, answer in bank)
    total = 0.0
    for index, (text, answer) in enumerate(bank):
        seen = Counter(a for i, (t, a) in enumerate(bank) if i != index and cue(t) == cue(text))
        counts = seen or overall
        best = max(counts.values())
        tied = [category for category, count in counts.items() if count == best]
        total += (answer in tied) / len(tied)
    return total / len(bank)


def test_the_banks_are_found():
    expected = {"red_flags.json:items", "interview_questions.json:questions", "audience_translator.json:candidates"}
    assert expected <= set(BANKS)


def baseline(bank: list[tuple[str, str]]) -> float:
    """The share right when always choosing the most common category."""
    return max(Counter(answer for _, answer in bank).values()) / len(bank)


@pytest.mark.parametrize("cue", [first_word, opening_kind], ids=["first word", "kind of first word"])
@pytest.mark.parametrize("where", sorted(BANKS))
def test_the_first_word_does_not_predict_the_category(where, cue):
    bank = BANKS[where]
    guess = guess_accuracy(bank, cue)
    assert guess <= baseline(bank), (
        f"{where}: guessing from the {cue.__name__.replace('_', ' ')} scores {guess:.0%}, against "
        f"{baseline(bank):.0%} for always choosing the most common category"
    )


@pytest.mark.parametrize("where", sorted(BANKS))
def test_no_opening_word_shared_by_three_items_belongs_to_one_category(where):
    by_word: dict[str, set[str]] = {}
    counts = Counter(first_word(text) for text, _ in BANKS[where])
    for text, answer in BANKS[where]:
        by_word.setdefault(first_word(text), set()).add(answer)
    giveaways = sorted(word for word, answers in by_word.items() if counts[word] >= 3 and len(answers) == 1)
    assert giveaways == [], f"{where}: these opening words give the category away: {giveaways}"


PHRASINGS = ("command", "request", "situation")
LABELLED = {
    f"{name}:{key}": value
    for name in data.data_files() if not name.startswith("check_")
    for key, value in data.load(name).items()
    if isinstance(value, list) and value and all(isinstance(r, dict) and "phrasing" in r for r in value)
}


def test_the_red_flag_sorter_labels_its_phrasings():
    assert "red_flags.json:items" in LABELLED


@pytest.mark.parametrize("where", sorted(LABELLED))
def test_every_category_mixes_commands_requests_and_situations(where):
    records = LABELLED[where]
    for category in dict.fromkeys(r["answer"] for r in records):
        used = Counter(r["phrasing"] for r in records if r["answer"] == category)
        assert all(used[p] >= 2 for p in PHRASINGS), f"{where}: {category!r} has phrasings {dict(used)}"
    bank = [(r["phrasing"], r["answer"]) for r in records]
    assert guess_accuracy(bank, cue=lambda phrasing: phrasing) <= baseline(bank)


@pytest.mark.parametrize("where", sorted(LABELLED))
def test_the_phrasing_labels_are_honest(where):
    """A request names someone asking; a command opens with a verb, not a person or an article."""
    for r in LABELLED[where]:
        asks = bool(re.search(r"\b(asks?|asked|wants you|would like you)\b|\?", r["text"]))
        assert asks == (r["phrasing"] == "request"), f"{where}: {r['text']!r} is labelled {r['phrasing']}"
        if r["phrasing"] == "command":
            assert first_word(r["text"]) not in {"the", "a", "an", "your", "you", "two", "three", "it", "because",
                                                  "as", "having", "when", "after"}, r["text"]


def test_the_measures_catch_a_bank_that_gives_itself_away():
    telling = [("Decide the order", "own"), ("Decide the scope", "own"), ("Decide a price", "own"),
               ("Sales asks you to", "help"), ("Sales asks you for", "help"), ("Sales asks you about", "help")]
    assert guess_accuracy(telling) == 1.0 > baseline(telling)
    mixed = [("Run interviews", "own"), ("Run the pipeline", "red"), ("Sales asks for a call", "help"),
             ("Sales asks for every call", "red"), ("Run a training", "help"), ("Sales ask what to build", "own")]
    assert guess_accuracy(mixed) <= baseline(mixed)
    questions = [("Do you like it?", "leading"), ("Would you pay?", "leading"), ("Is it a problem?", "leading"),
                 ("How do you do it?", "open"), ("What happened?", "open"), ("Why did you stop?", "open")]
    assert guess_accuracy(questions, opening_kind) == 1.0
