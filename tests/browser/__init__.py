"""Browser tests of the built site (normal and offline copies), with Playwright driving Debian's Chromium.

This folder is a package so that its modules import their helpers relatively (`.support`) and its
conftest.py is not confused with tests/conftest.py, which pytest would otherwise import under the same name.
"""
