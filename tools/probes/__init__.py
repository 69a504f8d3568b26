"""Benchmark probes: test shortlisted models on the person's own examples.

Public API:

- :func:`load_registry` / :class:`EndpointRegistry` / :class:`Endpoint`: endpoints from server config.
- :class:`LocalModelServer`: a built-in model (SmolLM2-135M) served on loopback.
- :func:`load_probe_set`, :func:`load_sample`, :func:`sample_names`, :class:`ProbeSet`.
- :func:`run_probe`, :class:`ProbeSettings`, :func:`estimate`: the engine.
- :func:`score`: deterministic scorers.
"""

from whichmodel.tools.probes.dataset import ProbeExample, ProbeSet, load_probe_set, load_sample, sample_names
from whichmodel.tools.probes.endpoints import Endpoint, EndpointRegistry, UnknownEndpointError, load_registry
from whichmodel.tools.probes.engine import ProbeSettings, RunResult, estimate, run_probe
from whichmodel.tools.probes.local_server import LocalModelServer
from whichmodel.tools.probes.scorers import Score, score

__all__ = [
    "Endpoint",
    "EndpointRegistry",
    "LocalModelServer",
    "ProbeExample",
    "ProbeSet",
    "ProbeSettings",
    "RunResult",
    "Score",
    "UnknownEndpointError",
    "estimate",
    "load_probe_set",
    "load_registry",
    "load_sample",
    "run_probe",
    "sample_names",
    "score",
]
