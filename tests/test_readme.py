"""The README's examples are the output of the commands they show: keep them true."""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"


def test_python_examples(monkeypatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_terminal_example_is_what_the_command_prints() -> None:
    text = README.read_text(encoding="utf-8")
    m = re.search(r"```console\n\$ \.venv/bin/warta process (\S+)\n(.*?)```", text, re.S)
    assert m, "the README's worked example is missing"
    env = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TERM": "dumb"}
    out = subprocess.run([sys.executable, "-m", "warta.cli", "process", m.group(1)], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=False)
    assert out.stdout.rstrip() == m.group(2).rstrip()
