"""The agent's settings: the one settings object of the product (`whichmodel.settings.Settings`).

`Settings.load(**explicit)` is the only constructor front ends should use: explicit > environment >
default; `Settings()` alone gives the pure defaults (no environment). A bad value raises
`SettingsError`, one line naming the variable.

Brain selection (`Settings.brain_kind`): the offline brain unless an LLM endpoint is configured:
Azure OpenAI (endpoint + key + deployment), any OpenAI-compatible base URL (`WHICHMODEL_LLM_BASE_URL`,
e.g. Ollama, vLLM, OpenRouter), or OpenAI itself (`OPENAI_API_KEY`). `WHICHMODEL_BRAIN=offline`
forces the offline brain whatever is configured.

Models are named per role (interviewer/extractor, writer) as `provider/model` strings, parsed in
exactly one place: `agent.llm.resolve_model`.
"""

from __future__ import annotations

from whichmodel.settings import ENV, BrainChoice, BrainKind, Settings, SettingsError

__all__ = ["ENV", "BrainChoice", "BrainKind", "Settings", "SettingsError"]
