"""The conversation's nodes and the pure logic they use (slots, rendering, the brain interface)."""
