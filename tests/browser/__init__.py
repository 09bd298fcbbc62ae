"""Browser tests of the built site (normal and offline copies), with Playwright driving Debian's Chromium.

This folder is a package so that its conftest.py does not shadow tests/conftest.py, which other test
modules import as `conftest`.
"""
