# Kinerja: the two set-up commands are `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
OUT    ?= out
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install demo test test-fast lint bench libreoffice addin dist gambar clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## LibreOffice (headless) and poppler-utils: the tests recalculate workbooks and render PDFs with them.
libreoffice:
	@if ! command -v soffice >/dev/null 2>&1 || ! command -v pdftotext >/dev/null 2>&1; then \
		echo "Memasang LibreOffice dan poppler-utils (apt-get)..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends \
			libreoffice-calc libreoffice-writer poppler-utils fonts-liberation >/dev/null; \
	fi

demo: install libreoffice
	$(BIN)/kinerja contoh $(OUT)/contoh
	@echo "Selesai: workbook, formulir dan dokumen contoh ada di $(OUT)/contoh"

## The page images under docs/ (the README's docs/dokumen-contoh.png among them, and the office
## guide's docs/panduan-kantor/), from the demo.
gambar: install libreoffice
	$(BIN)/python docs/gambar.py $(OUT)/gambar
	$(BIN)/python docs/gambar_panduan.py $(OUT)/gambar-panduan

test: install libreoffice
	$(BIN)/python -m pytest -n 2 -q

test-fast: install
	$(BIN)/python -m pytest -q -m "not libreoffice"

lint: install
	$(BIN)/ruff check xlwings_app tests
	$(BIN)/mypy

bench: install
	$(BIN)/python -m bench.run

addin: install
	$(BIN)/kinerja addin build

## The office install bundle: the wheel and dist/Kinerja-Windows-<versi>.zip (win_amd64 wheels of every
## dependency for each supported Python, the add-in, pasang.bat, the IT notes and the office guide);
## needs the package index once. A tag v<versi> does the same on GitHub (.github/workflows/rilis.yml).
dist: install
	rm -rf dist
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	$(BIN)/python -m xlwings_app.addin.bundle dist/kinerja-*.whl --keluar dist --sertakan docs/windows.md --sertakan docs/panduan-kantor.md --sertakan docs/panduan-kantor

clean:
	rm -rf build $(OUT) .pytest_cache .mypy_cache .ruff_cache
