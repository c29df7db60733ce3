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

needs_git = pytest.mark.skipif(
    shutil.which("git") is None or not (ROOT / ".git").exists(),
    reason="pre-commit needs git, and takes hooks from a git repository (an sdist is none)",
)


def test_the_hooks_file_declares_both_hooks() -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))}
    assert hooks["argmap-check"]["entry"] == "argmap check"
    assert hooks["argmap-render"]["entry"] == "argmap render --format svg"
    assert {hook["language"] for hook in hooks.values()} == {"python"}


def run_hook(repo: Path, home: Path, hook: str = "argmap-check") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(home),
        # try-repo commits uncommitted changes of the hooks' repository to a shadow copy, as someone.
        "GIT_AUTHOR_NAME": "test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True)


@needs_git
def test_argmap_check_fails_a_commit_with_a_broken_map_and_passes_a_sound_one(tmp_path: Path) -> None:
    repo, home = tmp_path / "repo", tmp_path / "home"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "good.argdown").write_text("[Tea]: Tea is good.\n  + [Health]: Tea is healthy.\n", encoding="utf-8")
    (repo / "notes.json").write_text('{"not": "a map"}\n', encoding="utf-8")  # left alone: not Argdown
    git(repo, "add", ".")

    passed = run_hook(repo, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "argmap check" in passed.stdout
    assert "Passed" in passed.stdout

    (repo / "bad.argdown").write_text("[A]: A holds.\n  + [A]\n", encoding="utf-8")
    git(repo, "add", "bad.argdown")
    failed = run_hook(repo, home)
    assert failed.returncode == 1
    assert "bad.argdown:2:3: error self-support [A] supports itself" in failed.stdout
    assert "good.argdown" not in failed.stdout.split("- exit code:")[1]


@needs_git
@pytest.mark.dot
def test_argmap_render_keeps_the_drawing_of_each_map_current(tmp_path: Path) -> None:
    repo, home = tmp_path / "repo", tmp_path / "home"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "tea.argdown").write_text("[Tea]: Tea is good.\n  + [Health]: Tea is healthy.\n", encoding="utf-8")
    git(repo, "add", ".")
    assert run_hook(repo, home, "argmap-render").returncode == 0  # a new drawing: untracked, so not a change
    first = (repo / "tea.svg").read_bytes()
    assert b"Tea is healthy." in first
    git(repo, "add", "tea.svg")

    unchanged = run_hook(repo, home, "argmap-render")
    assert unchanged.returncode == 0, unchanged.stdout + unchanged.stderr
    assert (repo / "tea.svg").read_bytes() == first  # the same map draws the same bytes

    (repo / "tea.argdown").write_text("[Tea]: Tea is good.\n  + [Health]: Tea is good for you.\n", encoding="utf-8")
    git(repo, "add", "tea.argdown")
    stale = run_hook(repo, home, "argmap-render")
    assert stale.returncode == 1
    assert "files were modified by this hook" in stale.stdout
    assert b"Tea is good for you." in (repo / "tea.svg").read_bytes()
