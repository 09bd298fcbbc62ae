"""The MkDocs adapter: data errors become one build error, and `mkdocs serve` rebuilds reuse unchanged data."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import REPO
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

import treaty_site
from treatysite import engine_input


def fresh_config():
    return load_config(str(REPO / "mkdocs.yml"))


def test_rebuild_reuses_the_site_until_a_data_file_changes(monkeypatch, mini_data: Path) -> None:
    monkeypatch.setenv("TREATY_DATA_DIR", str(mini_data))
    monkeypatch.setattr(treaty_site, "state", treaty_site.HookState())
    loads = []
    real_load = engine_input.load_dataset
    monkeypatch.setattr(
        engine_input, "load_dataset", lambda *args, **kwargs: loads.append(kwargs) or real_load(*args, **kwargs)
    )

    treaty_site.on_config(fresh_config())
    treaty_site.on_config(fresh_config())
    assert len(loads) == 1

    person = mini_data / "people" / "samuel-ramani.yml"
    person.write_text(person.read_text(encoding="utf-8").replace("Analyst", "An analyst"), encoding="utf-8")
    treaty_site.on_config(fresh_config())
    assert len(loads) == 2
    # ...and the second load goes through the first one's cache, so only the edited file is read again.
    assert loads[1]["cache"] is loads[0]["cache"] and len(loads[0]["cache"]) == 15


def test_data_errors_become_one_plugin_error_listing_them_all(monkeypatch, mini_data: Path) -> None:
    monkeypatch.setenv("TREATY_DATA_DIR", str(mini_data))
    monkeypatch.setattr(treaty_site, "state", treaty_site.HookState())
    (mini_data / "people" / "samuel-ramani.yml").write_text("id: samuel-ramani\nkind: guru\n", encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        treaty_site.on_config(fresh_config())
    message = str(raised.value)
    assert message.startswith("5 data errors found:")
    assert "samuel-ramani.yml:2:7: kind: 'guru' is not a valid value" in message
