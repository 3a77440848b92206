#!/usr/bin/env python3
"""Puts each UI text in the translation files of the feature that uses it.

Copy is written in English in the code and looked up by that text (see Features/Shared/Texts.cs). Each feature folder
has its own sv.json (and en.json for enumeration labels); a text used by several features, outside Features/<name>/ or
nowhere in the source goes to Features/Shared.

The script pools every translation file there is (src/Jobbtorg/Localization/*.json, if any, and each
Features/**/sv.json and en.json), assigns each key afresh and writes the files again, so it can be run any time, e.g.
after a branch that still added its texts to Localization/sv.json was merged. It refuses to run when the pool holds one
key with two different translations.

A key is assigned by where it appears in src/Jobbtorg as a string literal ("…" in .cs and .cshtml files); an
enumeration label "Type.Member" by the folder that declares the enumeration, any other "Prefix.name" label by where
"Prefix. is written; a counted message's singular ("{0} cases#one") goes with its plural ("{0} cases").

    python3 tools/split-translations.py          # rewrite the files
    python3 tools/split-translations.py --check  # exit 1 when a file would change
"""
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "src" / "Jobbtorg"
FEATURES = APP / "Features"
LEGACY = APP / "Localization"
SHARED = "Shared"
LANGUAGES = ("sv", "en")
ONE = "#one"  # the key suffix of a counted message's singular form ("{0} cases#one"), see Features/Shared/Texts.cs


def source_files():
    for path in sorted(APP.rglob("*")):
        relative = path.relative_to(APP)
        if relative.parts[0] in ("bin", "obj") or path.suffix not in (".cs", ".cshtml"):
            continue
        if relative.parts[0] == "Data" and len(relative.parts) > 1 and relative.parts[1] == "Migrations":
            continue
        yield path


def feature_of(path):
    """The feature folder a source file belongs to, or Shared for anything outside Features/<name>/."""
    relative = path.relative_to(APP).parts
    return relative[1] if len(relative) > 2 and relative[0] == "Features" else SHARED


def csharp_literal(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + '"'


def pool():
    """Every key of every translation file, per language, in a stable order (legacy file first, then by path)."""
    files = {language: [] for language in LANGUAGES}
    for language in LANGUAGES:
        legacy = LEGACY / f"{language}.json"
        if legacy.exists():
            files[language].append(legacy)
        files[language] += sorted(FEATURES.glob(f"*/{language}.json"))
    merged = {language: {} for language in LANGUAGES}
    conflicts = []
    for language, paths in files.items():
        for path in paths:
            for key, value in json.loads(path.read_text(encoding="utf-8")).items():
                if key in merged[language] and merged[language][key] != value:
                    conflicts.append(f"{language}: {key!r}: {merged[language][key]!r} / {value!r} ({path.relative_to(ROOT)})")
                merged[language].setdefault(key, value)
    if conflicts:
        sys.exit("One key, two translations; settle them first:\n  " + "\n  ".join(conflicts))
    return files, merged


def assign(keys):
    sources = {path: path.read_text(encoding="utf-8") for path in source_files()}
    enums = {}
    for path, text in sources.items():
        for name in re.findall(r"\benum\s+(\w+)", text):
            enums.setdefault(name, feature_of(path))
    owner = {}
    for key in sorted(keys, key=lambda k: k.endswith(ONE)):
        if key.endswith(ONE):
            # A counted message's singular lives beside its plural, whose key is the text the code uses.
            owner[key] = owner.get(key[:-len(ONE)]) or assign({key[:-len(ONE)]})[key[:-len(ONE)]]
            continue
        label = re.fullmatch(r"([A-Z]\w*)\.(\w+)", key)
        if label and label.group(1) in enums:
            owner[key] = enums[label.group(1)]
            continue
        if label:
            # A label whose key is put together in code ("Detail." + name, $"Role.{role}").
            prefix = '"' + label.group(1) + "."
            users = {feature_of(path) for path, text in sources.items() if prefix in text}
        else:
            literal = csharp_literal(key)
            users = {feature_of(path) for path, text in sources.items() if literal in text}
        owner[key] = users.pop() if len(users) == 1 else SHARED
    return owner


def render(entries):
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def main():
    check = "--check" in sys.argv[1:]
    files, merged = pool()
    owner = assign({key for entries in merged.values() for key in entries})
    wanted = {}
    for language, entries in merged.items():
        for key, value in entries.items():
            wanted.setdefault(FEATURES / owner[key] / f"{language}.json", {})[key] = value
    existing = {path for paths in files.values() for path in paths}
    changed = [path for path in existing if path not in wanted]
    changed += [path for path, entries in wanted.items()
                if not path.exists() or path.read_text(encoding="utf-8") != render(entries)]
    if check:
        for path in sorted(changed):
            print(f"would change: {path.relative_to(ROOT)}")
        sys.exit(1 if changed else 0)
    for path in existing - set(wanted):
        path.unlink()
    for path, entries in sorted(wanted.items()):
        path.write_text(render(entries), encoding="utf-8")
    for language in LANGUAGES:
        counts = {path.parent.name: len(entries) for path, entries in sorted(wanted.items()) if path.name == f"{language}.json"}
        print(f"{language}: " + ", ".join(f"{name} {count}" for name, count in counts.items()))


if __name__ == "__main__":
    main()
