"""Loading YAML data files: the generator's own tables and the editors' files, validated on load."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from .model import InputError

# libyaml's safe loader where PyYAML was built with it: the same result, much faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_package_yaml(name: str) -> Any:
    """One of the generator's own tables in ``generator/data/``."""
    with resources.files("generator.data").joinpath(name).open(encoding="utf-8") as stream:
        return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - libyaml's safe loader


def load_yaml_file(path: Path) -> Any:
    """An editor's YAML file; any failure becomes an InputError with the parser's one-line reason."""
    try:
        with path.open(encoding="utf-8") as stream:
            return yaml.load(stream, Loader=SafeLoader)  # noqa: S506 - libyaml's safe loader
    except yaml.MarkedYAMLError as error:
        where = f"line {error.problem_mark.line + 1}" if error.problem_mark else "unknown line"
        raise InputError(f"invalid YAML at {where}: {error.problem}") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise InputError(f"invalid YAML: {error}") from None


class Fields:
    """Typed access to one mapping from a data file, naming the entry and key in every error."""

    def __init__(self, data: Any, where: str):
        if not isinstance(data, dict):
            raise InputError(f"{where}: expected a mapping, got {type(data).__name__}")
        self.data = data
        self.where = where

    def get(self, key: str, kind: type | tuple[type, ...], default: Any = None, required: bool = False):
        value = self.data.get(key, default)
        if value is None:
            if required:
                raise InputError(f"{self.where}: '{key}' is required")
            return default
        if not isinstance(value, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise InputError(f"{self.where}: '{key}' must be {names}, got {value!r}")
        return value

    def strings(self, key: str, required: bool = False) -> list[str]:
        values = self.get(key, list, default=[], required=required)
        if not all(isinstance(value, str) for value in values):
            raise InputError(f"{self.where}: '{key}' must be a list of strings")
        return values

    def reject_unknown(self, allowed: set[str]) -> None:
        unknown = sorted(set(self.data) - allowed, key=str)
        if unknown:
            raise InputError(f"{self.where}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(allowed))})")
