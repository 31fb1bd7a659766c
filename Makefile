# Set-up and checks. `make run` and `make test` are all a fresh machine needs (Python 3.11 + pip).
VENV ?= .venv
PY := $(VENV)/bin/python
# make run CORPUS=DIR, or EXPLORE_CORPUS=DIR make run
CORPUS ?= $(or $(EXPLORE_CORPUS),seeds)

.PHONY: run test lint format bench eval mutmut mutmut-sample fonts browser-deps clean lock

# The locked versions first (requirements.txt, as the demo installs them), then explore and its test tools.
$(VENV)/.installed: pyproject.toml requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# Resolve pyproject.toml's dependencies again into requirements.txt (after changing them).
lock: $(VENV)/.installed
	$(PY) -m pip install --quiet uv
	head -3 requirements.txt > requirements.txt.new
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --no-header --annotation-style line >> requirements.txt.new
	mv requirements.txt.new requirements.txt

run: $(VENV)/.installed fonts
	$(VENV)/bin/streamlit run app.py -- --corpus $(CORPUS)

# A Simplified-Chinese font for the word cloud (Debian's Noto CJK); skipped when one is there.
fonts:
	@fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq fonts-noto-cjk fontconfig >/dev/null \
	  || echo "warning: could not install fonts-noto-cjk; the word cloud needs a Chinese font (EXPLORE_FONT)"; }

# Debian's chromium and CJK fonts for the browser tests (no browser download); needs root or sudo.
browser-deps:
	@command -v chromium >/dev/null 2>&1 && fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/vulture explore app.py vulture_whitelist.py --min-confidence 80

test: $(VENV)/.installed browser-deps lint
	$(PY) -m pytest

format: $(VENV)/.installed
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The scored evaluation on eval/ (documents outside the seeds); fails below eval/scores.json.
eval: $(VENV)/.installed
	$(PY) -m explore eval

# Mutation testing of the rules of ingest and analysis ([tool.mutmut] in pyproject.toml): about an hour on two cores.
mutmut: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet "mutmut>=3.3"
	$(VENV)/bin/mutmut run; $(VENV)/bin/mutmut results | tail -n 20
	$(VENV)/bin/mutmut export-cicd-stats && $(PY) bench/mutation_score.py

# The same score estimated from a seeded sample of 300 mutants (~15 minutes on two cores).
mutmut-sample: $(VENV)/.installed
	$(VENV)/bin/pip install --quiet "mutmut>=3.3"
	$(PY) bench/mutation_sample.py --size 300

bench: $(VENV)/.installed
	$(PY) -m explore bench --corpus $(CORPUS)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
