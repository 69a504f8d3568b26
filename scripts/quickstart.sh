#!/usr/bin/env bash
# Set up, then run the main job on the offline default: a recommendation report for the seeds'
# fake-news classifier, as Markdown, HTML and JSON under out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# shellcheck disable=SC1091
. .venv/bin/activate
mkdir -p out
for fmt in md html json; do
  whichmodel recommend --requirements examples/fake-news.yaml --format "$fmt" --out "out/fake-news.$fmt"
done
# The knowledge-base index the chat uses for side questions (about a minute the first time).
whichmodel index
echo
sed -n '1,40p' out/fake-news.md
echo
echo "Reports written: out/fake-news.md out/fake-news.html out/fake-news.json"
echo "Chat in the browser: .venv/bin/whichmodel serve   (then open http://127.0.0.1:8000)"
