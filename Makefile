# grantmatch — see README.md. `make run` serves the site; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum requirements.lock | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run serve migrate samples test lint format bench evaluate lock worker clean

$(STAMP): requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-* && touch $(STAMP)

install: $(STAMP)

# Development defaults: DEBUG on, SQLite under var/ and in-process tasks unless configured.
run: export DEBUG ?= 1
run: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_samples --all
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

migrate: install
	$(BIN)/python manage.py migrate --noinput

samples: export DEBUG ?= 1
samples: install
	$(BIN)/python manage.py load_samples --all

worker: install
	$(BIN)/python -m celery -A web worker -B -l info

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: export DEBUG ?= 1
bench: install
	$(BIN)/python -m bench.run_all

evaluate: export DEBUG ?= 1
# Its own database and model folder (as bench/devcorpus.py uses): the site's var/ never changes the figures.
evaluate: export GRANTMATCH_VAR_DIR ?= $(CURDIR)/var/dev-eval
evaluate: install
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py evaluate --load-dev-corpus
	$(BIN)/python -m bench.similar_eval

# Re-pin dependencies after editing requirements*.in.
lock: install
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile requirements-dev.in -o requirements.lock --python-version 3.11

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
