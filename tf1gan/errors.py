"""Errors that are the user's input, not a bug: the commands print str(e) alone, as one line."""


class InputError(ValueError):
    """Bad input (a damaged file, a wrong folder, a digit outside 0-9); the message is one line."""
