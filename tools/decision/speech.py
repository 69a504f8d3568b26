"""Speech-to-text: which languages a speech model is documented to transcribe.

Public ratings do not cover speech recognition, so the speech path ranks by documented language
coverage first (a model known to cover every language the person needs, then unknown coverage, then
a model known to miss one), then the maker's own models, then price per audio minute; the next step
is always a test on the person's own audio. The table is curated from the makers' model cards
(source `SPEECH_SOURCE`); a model not in it has unknown coverage, said as such.
"""

from __future__ import annotations

from collections.abc import Mapping

from whichmodel.knowledge.catalog.schema import Model

SPEECH_SOURCE = "makers' model cards (curated)"
SPEECH_SOURCE_ID = "speech_cards"
"""The id under which `names.SOURCES_ZH` names this source in Chinese."""
_WHISPER = frozenset(
    [
        "en",
        "zh",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "ru",
        "ja",
        "ko",
        "ar",
        "hi",
        "tr",
        "pl",
        "uk",
        "vi",
        "id",
        "th",
        "sv",
        "da",
        "fi",
        "no",
        "cs",
        "el",
        "he",
        "hu",
        "ro",
        "ms",
    ]
)
"""Whisper's 99 languages, of which the ones people most often name (not exhaustive)."""
LANGUAGES: Mapping[str, frozenset[str]] = {
    "kb-whisper": frozenset({"sv"}),
    "whisper": _WHISPER,
    "gpt-4o-transcribe": _WHISPER,
    "gpt-4o-mini-transcribe": _WHISPER,
    "qwen3-asr": frozenset(["zh", "en", "ja", "ko", "de", "fr", "es", "it", "pt", "ru", "ar"]),
    "voxtral": frozenset(["en", "es", "fr", "pt", "hi", "de", "nl", "it"]),
    "stepaudio": frozenset({"zh", "en"}),
}
"""Model key prefix or substring -> documented languages (the first match wins, most specific first)."""


def languages_of(model: Model) -> frozenset[str] | None:
    """The languages `model` is documented to transcribe, or None when unknown."""
    key = model.key.lower()
    for marker, langs in LANGUAGES.items():
        if marker in key:
            return langs
    return None


def coverage(model: Model, wanted: tuple[str, ...]) -> tuple[int, list[str]]:
    """(0 covers every wanted language, 1 unknown, 2 known to miss one; the missing languages)."""
    langs = languages_of(model)
    if langs is None:
        return 1, []
    missing = [lang for lang in wanted if lang not in langs]
    return (2 if missing else 0), missing
