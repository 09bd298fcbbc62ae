"""The theme's Jinja templates with their indentation dropped as they are loaded.

Why: Material's templates indent every line, and Jinja copies that indentation into every page it
renders; on a page with a large navigation most of its bytes were that indentation. Dropping it from
each template's source once, when the template is loaded, costs nothing per page, where stripping it
from every built page would cost a pass over every byte of the site.

Why it is safe: each line keeps its newline, so browsers render the pages the same, and Material's
templates hold no <pre>, <textarea> or multi-line string where leading spaces would matter
(tests/test_build_hygiene.py checks the built pages carry none of it).

This is plain Jinja: the MkDocs hook wraps the theme environment's loader in it (`on_env`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jinja2

_LEADING_WHITESPACE = re.compile(r"^[ \t]+", re.MULTILINE)


class UnindentedTemplates(jinja2.BaseLoader):
    """The theme's template loader, with each template's indentation dropped as it is loaded."""

    def __init__(self, templates: jinja2.BaseLoader) -> None:
        self.templates = templates

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.templates.get_source(environment, template)
        return _LEADING_WHITESPACE.sub("", source), filename, uptodate

    def list_templates(self) -> list[str]:
        return self.templates.list_templates()


def unindent_templates(env: jinja2.Environment) -> jinja2.Environment:
    """`env` loading its templates through `UnindentedTemplates`."""
    env.loader = UnindentedTemplates(env.loader)
    if env.cache is not None:
        env.cache.clear()  # nothing should be loaded yet; if something was, it is loaded again through the wrapper
    return env
