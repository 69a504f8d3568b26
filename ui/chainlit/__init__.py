"""Helpers for the Chainlit front end (ui/chainlit_app.py): pure rendering of the agent's events,
the chat-history store, and the access rules (origins, auth mode).

Kept out of the app module so they can be tested without a running Chainlit server. Always import
them as `ui.chainlit.<module>`: this package is never put on sys.path under its bare name.
"""
