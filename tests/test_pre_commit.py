"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit itself on a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")


def test_the_hooks_file_declares_argmap_check() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert hooks["argmap-check"]["entry"] == "argmap check"
    assert hooks["argmap-check"]["language"] == "python"


def run_hook(repo: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        # try-repo commits uncommitted changes of the hooks' repository to a shadow copy, as someone.
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "argmap-check", "--all-files"]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def test_argmap_check_fails_a_commit_with_a_broken_map_and_passes_a_sound_one(tmp_path: Path) -> None:
    repo, home = tmp_path / "repo", tmp_path / "home"
    repo.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=repo, check=True)
    (repo / "good.argdown").write_text("[Tea]: Tea is good.\n  + [Health]: Tea is healthy.\n", encoding="utf-8")
    (repo / "notes.json").write_text('{"not": "a map"}\n', encoding="utf-8")  # left alone: not Argdown
    subprocess.run(["git", "add", "."], cwd=repo, check=True)

    passed = run_hook(repo, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "argmap check" in passed.stdout
    assert "Passed" in passed.stdout

    (repo / "bad.argdown").write_text("[A]: A holds.\n  + [A]\n", encoding="utf-8")
    subprocess.run(["git", "add", "bad.argdown"], cwd=repo, check=True)
    failed = run_hook(repo, home)
    assert failed.returncode == 1
    assert "bad.argdown:2:3: error self-support [A] supports itself" in failed.stdout
    assert "good.argdown" not in failed.stdout.split("- exit code:")[1]
