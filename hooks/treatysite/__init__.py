"""The treaty-commentary core: load and validate `data/`, model it, render Markdown pages.

Plain functions with no MkDocs dependency, so they can be tested without a build and moved to
another site engine:

    dataset = load_dataset(Path("data"))   # raises DataErrors listing every problem
    site = render_site(dataset)            # GeneratedPage list + navigation
"""

from .dataset import Dataset
from .errors import DataError, DataErrors
from .load import LoadCache, load_dataset
from .pages import GeneratedFile, GeneratedPage, Publishing, Site, render_site

__all__ = [
    "DataError", "DataErrors", "Dataset", "GeneratedFile", "GeneratedPage", "LoadCache", "Publishing", "Site",
    "load_dataset", "render_site",
]
