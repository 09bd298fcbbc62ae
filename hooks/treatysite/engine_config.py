"""Reading mkdocs.yml as MkDocs reads it, without MkDocs: `!ENV` tags and `INHERIT`.

`python hooks/treatysite render` writes a configuration for engines that cannot run our hook; it starts
from the same file MkDocs would read, resolved the same way, so both builds are configured alike.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, DataErrors, display_path


class _ConfigLoader(yaml.SafeLoader):
    """YAML's safe loader plus MkDocs' `!ENV NAME` and `!ENV [NAME, ..., default]`."""


def _environment_value(loader: _ConfigLoader, node: yaml.Node) -> Any:
    # As pyyaml-env-tag (MkDocs' own) does: the first variable set, typed as YAML would type it, else the default.
    default = None
    if isinstance(node, yaml.ScalarNode):
        names = [loader.construct_scalar(node)]
    elif isinstance(node, yaml.SequenceNode) and node.value:
        children = node.value
        if len(children) > 1:
            default = loader.construct_object(children[-1])
            children = children[:-1]
        names = [loader.construct_scalar(child) for child in children]
    else:
        raise yaml.constructor.ConstructorError(None, None, "!ENV takes a name or a list of names and a default", node.start_mark)
    for name in names:
        if name in os.environ:
            value = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, value, (True, False))
            return loader.construct_object(yaml.ScalarNode(tag, value))
    return default


_ConfigLoader.add_constructor("!ENV", _environment_value)


def read_config(path: Path, root: Path | None = None) -> dict[str, Any]:
    """The configuration in `path`, with `INHERIT: parent.yml` merged in as MkDocs merges it: mappings
    key by key, anything else (lists too) replaced by the child's value."""
    root = root or path.parent
    try:
        with open(path, encoding="utf-8") as file:
            config = yaml.load(file, Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise DataErrors([DataError.whole_file(display_path(path, root), f"cannot read this configuration: {error}")]) from None
    if not isinstance(config, dict):
        raise DataErrors([DataError.whole_file(display_path(path, root), "a configuration is a mapping of settings")])
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    return _merged(read_config(path.parent / parent, root), config)


def _merged(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    merged = dict(parent)
    for key, value in child.items():
        both_mappings = isinstance(value, dict) and isinstance(merged.get(key), dict)
        merged[key] = _merged(merged[key], value) if both_mappings else value
    return merged
