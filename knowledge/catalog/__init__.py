"""The model catalog: canonical models, the offerings serving them, prices and ratings with sources.

Public API: :func:`load_catalog` (the committed snapshot), :func:`search`, :func:`resolve`,
:func:`refresh` (rebuild the snapshot from the bundled data packages) and the schema classes.
"""

from whichmodel.knowledge.catalog.build import RefreshReport, build_catalog, refresh
from whichmodel.knowledge.catalog.schema import Catalog, Model, Offering, PriceTier, Pricing, Rating, Source
from whichmodel.knowledge.catalog.store import NotFoundError, load_catalog, resolve, search

__all__ = [
    "Catalog",
    "Model",
    "NotFoundError",
    "Offering",
    "PriceTier",
    "Pricing",
    "Rating",
    "RefreshReport",
    "Source",
    "build_catalog",
    "load_catalog",
    "refresh",
    "resolve",
    "search",
]
