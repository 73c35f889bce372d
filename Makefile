# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench clean

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev,bench,ray]'
	touch $(STAMP)

install: $(STAMP)

# The sample corpus holds one record with no content on purpose: the run quarantines it and
# exits 3 ("something was quarantined"), which is the demo's point, not a failure.
demo: $(STAMP)
	$(BIN)/warta process src/warta/samples/jakarta-kini-1.txt
	$(BIN)/warta process src/warta/samples/corpus.jsonl --output demo-out.jsonl; test $$? -eq 0 -o $$? -eq 3
	@echo
	@echo "Wrote demo-out.jsonl (one record per page) and demo-out.quarantine.jsonl (the bad record and why)."
	$(BIN)/warta ingest src/warta/samples/corpus.jsonl --db demo.duckdb; test $$? -eq 0 -o $$? -eq 3
	@echo "Serve the demo store in a browser (read-only, at http://127.0.0.1:8000/): $(BIN)/warta serve --db demo.duckdb"

test: $(STAMP)
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/quality.py
	$(BIN)/python bench/speed.py

# The shipped NER model (src/warta/models/ner/crf.model), trained from ../shared/data/ner, the same
# file byte for byte on every run; prints the dev scores of each dataset at the end (about 4 CPU
# minutes). See src/warta/models/ner/README.md.
train-ner: $(STAMP)
	$(BIN)/python -m warta.understand.ner.train

clean:
	rm -rf $(VENV) demo-out.jsonl demo-out.quarantine.jsonl demo.duckdb demo.duckdb.wal demo.search demo.duckdb.search demo.duckdb.shards
