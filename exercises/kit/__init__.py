"""The exercise kit: the parts every exercise shares. No exercise logic lives here.

========================  ==================================================================
Module                    What it holds
========================  ==================================================================
:mod:`.frozen`            ``Frozen``, the base of every value type (a frozen dataclass)
:mod:`.numbers`           parse and format numbers, with learner-readable errors
:mod:`.text`              clean text, words, sentences, Markdown escaping
:mod:`.render`            escaped HTML: notices, tables, lists, images
:mod:`.data`              load a data file, validate it against its JSON Schema, cache it
:mod:`.savework`          the "Save my work" record (schema v1): make, validate, write
:mod:`.charts`            a chart panel that owns its figure and redraws only on new inputs
:mod:`.views`             ``ExerciseView``, ``NumberField``, ``assemble``, live updates
:mod:`.sorting`           the sorting exercise several chapters reuse; its chart and widget
                          are `sorting_chart` and `sorting_widget`
:mod:`.choices`           find the record a learner chose by its id, or a learner-readable error
========================  ==================================================================

``frozen``, ``numbers``, ``text``, ``render``, ``data``, ``choices`` and ``savework`` import neither Matplotlib nor
ipywidgets, so every exercise's pure layer can use them. ``charts`` imports Matplotlib and
``views`` imports ipywidgets; only drawing and widget modules import those.
"""
